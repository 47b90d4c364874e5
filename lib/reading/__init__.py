"""Reading: raw tabs -> validated models, problems and the Dataset (rows, logs, cross-tab checks, limits)."""
