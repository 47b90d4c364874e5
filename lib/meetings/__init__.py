"""Meetings: a calendar series per pair (RFC 5545, built with icalendar), in a weekly slot that lies inside both
people's working hours, each in their own time zone, for every week of the program."""
