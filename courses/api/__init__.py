from ninja import Router

from courses.api.catalogue import router as catalogue_router
from courses.api.enrolment import router as enrolment_router

router = Router()
router.add_router("/", catalogue_router)
router.add_router("/", enrolment_router)
