from courses.models.pages import CourseIndexPage, CoursePage, InstructionLanguage, ModulePage
from courses.models.runs import CourseRun, Enrollment, EnrollmentEvent

__all__ = [
    "CourseIndexPage",
    "CoursePage",
    "CourseRun",
    "Enrollment",
    "EnrollmentEvent",
    "InstructionLanguage",
    "ModulePage",
]
