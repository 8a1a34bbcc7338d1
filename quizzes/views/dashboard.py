from quizzes import selectors


def panel_context(request) -> dict | None:
    """The learner's quizzes on /my/: ones to continue and recent results."""
    if not request.user.is_authenticated:
        return None
    summary = selectors.learner_summary(user=request.user)
    if not summary["in_progress"] and not summary["recent"]:
        return None
    return summary
