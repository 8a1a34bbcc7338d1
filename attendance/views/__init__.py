"""Attendance pages, split by who uses them: teachers (group, roster, code, exports),
learners (check-in, own attendance, dashboard panel) and calendar feeds."""
