"""The program as a whole: the overview of people, pairs and capacity."""
