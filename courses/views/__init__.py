"""Course pages' views, split by concern: catalogue (and learner progress), runs."""
