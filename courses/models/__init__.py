from courses.models.pages import CourseIndexPage, CoursePage, InstructionLanguage, ModulePage
from courses.models.runs import SEAT_STATES, CourseRun, Enrollment, EnrollmentEvent

__all__ = [
    "SEAT_STATES",
    "CourseIndexPage",
    "CoursePage",
    "CourseRun",
    "Enrollment",
    "EnrollmentEvent",
    "InstructionLanguage",
    "ModulePage",
]
