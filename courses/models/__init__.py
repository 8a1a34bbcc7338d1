from courses.models.editors import CourseEditor
from courses.models.pages import CourseIndexPage, CoursePage, InstructionLanguage, ModulePage
from courses.models.review import CourseReviewTask
from courses.models.runs import SEAT_STATES, CourseRun, Enrollment, EnrollmentEvent

__all__ = [
    "SEAT_STATES",
    "CourseEditor",
    "CourseIndexPage",
    "CoursePage",
    "CourseReviewTask",
    "CourseRun",
    "Enrollment",
    "EnrollmentEvent",
    "InstructionLanguage",
    "ModulePage",
]
