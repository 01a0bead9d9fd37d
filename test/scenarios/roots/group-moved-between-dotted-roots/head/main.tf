# the group moved to the v1.2 directory, another root with a state of its own
