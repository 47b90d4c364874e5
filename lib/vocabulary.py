"""The domain's words and defaults, each written once: mentorship types, pairing statuses, cadences and their days,
health statuses, feedback roles, and the defaults the program falls back on."""

from __future__ import annotations

# --- mentorship types ----------------------------------------------------------------------------------------------
ONE_ON_ONE, GROUP, PEER = "one-on-one", "group", "peer"  # both sides of a peer pairing are mentees
MENTORSHIP_TYPES = (ONE_ON_ONE, GROUP, PEER)
DEFAULT_TYPE = ONE_ON_ONE
TYPE_LABELS = {ONE_ON_ONE: "One-on-one", GROUP: "Group", PEER: "Peer"}
TYPE_ROLES = {ONE_ON_ONE: ("Mentor", "Mentee"), GROUP: ("Group mentor", "Group member"), PEER: ("Peer", "Peer")}
TYPE_PAIR_WORDS = {ONE_ON_ONE: "mentor and mentee", GROUP: "mentor and group member", PEER: "peer mentors"}
# How people write a type in a spreadsheet (compared lowercase, letters and digits only) -> the type.
TYPE_SYNONYMS = {"oneonone": ONE_ON_ONE, "1on1": ONE_ON_ONE, "11": ONE_ON_ONE, "individual": ONE_ON_ONE,
                 "group": GROUP, "circle": GROUP, "peer": PEER, "peertopeer": PEER, "p2p": PEER}

# --- pairing statuses ----------------------------------------------------------------------------------------------
PROPOSED, ACTIVE, ENDED = "proposed", "active", "ended"
PAIRING_STATUSES = (PROPOSED, ACTIVE, ENDED)
OPEN_STATUSES = (PROPOSED, ACTIVE)  # a pairing in one of these uses its mentor's capacity and keeps its mentee busy
STARTED_STATUSES = (ACTIVE, ENDED)  # a pairing in one of these has started (the impact report counts it)

# --- cadences ------------------------------------------------------------------------------------------------------
WEEKLY, BIWEEKLY, MONTHLY = "weekly", "biweekly", "monthly"
CADENCES = (WEEKLY, BIWEEKLY, MONTHLY)
CADENCE_DAYS = {WEEKLY: 7, BIWEEKLY: 14, MONTHLY: 30}
CADENCE_WORDS = {WEEKLY: "every week", BIWEEKLY: "every two weeks", MONTHLY: "once a month"}
DEFAULT_CADENCE = BIWEEKLY
CADENCE_SYNONYMS = {"weekly": WEEKLY, "everyweek": WEEKLY, "biweekly": BIWEEKLY, "fortnightly": BIWEEKLY,
                    "everytwoweeks": BIWEEKLY, "every2weeks": BIWEEKLY, "monthly": MONTHLY, "everymonth": MONTHLY}

# --- goals (the goals tab) -----------------------------------------------------------------------------------------
GOAL_STATUSES = ("open", "in progress", "done", "dropped")
NEW_GOAL = "open"
DONE_GOAL, DROPPED_GOAL = "done", "dropped"
FINISHED_GOALS = (DONE_GOAL, DROPPED_GOAL)  # a goal with one of these has its final status: never past its target
GOAL_SYNONYMS = {"open": "open", "todo": "open", "notstarted": "open", "new": "open", "inprogress": "in progress",
                 "started": "in progress", "ongoing": "in progress", "doing": "in progress", "done": "done",
                 "complete": "done", "completed": "done", "finished": "done", "achieved": "done", "met": "done", "dropped": "dropped",
                 "cancelled": "dropped", "canceled": "dropped", "abandoned": "dropped"}

# --- pairing fit (a feedback row whose question is "fit") -------------------------------------------------------------
FIT_QUESTION = "fit"
GOOD_FIT, STILL_DECIDING, NOT_A_FIT = 3, 2, 1
FIT_ANSWERS = {GOOD_FIT: "good fit", STILL_DECIDING: "still deciding", NOT_A_FIT: "not a good fit"}
# How people write the question (compared lowercase, letters and digits only); blank is a 1-5 rating.
QUESTION_SYNONYMS = {"fit": FIT_QUESTION, "pairingfit": FIT_QUESTION, "goodfit": FIT_QUESTION,
                     "isthisagoodfit": FIT_QUESTION, "match": FIT_QUESTION, "rating": "", "satisfaction": ""}

# --- the program plan (settings rows plan.<n> = <step> | <due> | <done when>) -------------------------------------
# A step's due date is relative to one of these; the numbers of days follow ("start+14d", "program_end-14d").
DUE_FROM_START, DUE_FROM_PROGRAM_START, DUE_BEFORE_PROGRAM_END = "start", "program_start", "program_end"
DUE_AT_MIDPOINT, DUE_AFTER_FIRST_MEETING = "midpoint", "after_first_meeting"
# What makes a step done, each judged only when the source can hold its evidence.
FIRST_CHECKIN, HAS_GOAL, FIT_ANSWER = "first_checkin", "has_goal", "fit_answer"
FEEDBACK_BOTH_SIDES, GOALS_FINAL_AND_OUTCOME = "feedback_both_sides", "goals_final_and_outcome"
PLAN_EVIDENCE = (FIRST_CHECKIN, HAS_GOAL, FIT_ANSWER, FEEDBACK_BOTH_SIDES, GOALS_FINAL_AND_OUTCOME)
STEP_DONE, STEP_OVERDUE, STEP_UPCOMING, STEP_NOT_TRACKED = "done", "overdue", "upcoming", "not tracked"
GOALS_AGREED_DAYS, FIT_AFTER_MEETING_DAYS = 14, 7  # the default plan's goals and fit steps

# --- outcomes (the outcomes tab) and the impact report -------------------------------------------------------------
OFFER_MADE, OFFER_ACCEPTED, OFFER_DECLINED, NO_OFFER, NOT_APPLICABLE = (
    "made", "accepted", "declined", "none", "not applicable")
OFFERS = (OFFER_MADE, OFFER_ACCEPTED, OFFER_DECLINED, NO_OFFER, NOT_APPLICABLE)
OFFERED = (OFFER_MADE, OFFER_ACCEPTED, OFFER_DECLINED)  # an offer was made, whatever the intern answered
OFFER_SYNONYMS = {"made": OFFER_MADE, "offered": OFFER_MADE, "offermade": OFFER_MADE, "yes": OFFER_MADE,
                  "pending": OFFER_MADE, "accepted": OFFER_ACCEPTED, "hired": OFFER_ACCEPTED,
                  "declined": OFFER_DECLINED, "rejected": OFFER_DECLINED, "turneddown": OFFER_DECLINED,
                  "none": NO_OFFER, "no": NO_OFFER, "nooffer": NO_OFFER, "notoffered": NO_OFFER,
                  "notapplicable": NOT_APPLICABLE, "na": NOT_APPLICABLE, "n/a": NOT_APPLICABLE}
# How the Outcomes page words each offer answer
OFFER_LABELS = {OFFER_MADE: "offer made, awaiting an answer", OFFER_ACCEPTED: "offer accepted",
                OFFER_DECLINED: "offer declined", NO_OFFER: "no offer", NOT_APPLICABLE: "offer not applicable"}
SKILL_LEVELS = (1, 5)  # self-ratings per skill, written "SQL:2; Airflow:1"
NO_COHORT = "no cohort"  # the report's name for mentees whose cohort is blank
# A published reference for intern offers, always labelled as a reference: NACE's 2016 Internship & Co-op Survey.
NACE_REFERENCE = "NACE 2016 survey"
NACE_OFFER_RATE, NACE_ACCEPTANCE_RATE = 0.727, 0.852

# --- the log -------------------------------------------------------------------------------------------------------
FEEDBACK_ROLES = ("mentor", "mentee")
CHANNELS = ("video", "in person", "phone", "chat")

# --- relationship health -------------------------------------------------------------------------------------------
HEALTHY, WATCH, AT_RISK = "Healthy", "Watch", "At risk"
HEALTH_STATUSES = (HEALTHY, WATCH, AT_RISK)  # best first
# One palette, colour-blind safe and always beside a word; print darkens the amber, which is faint on white paper.
STATUS_COLOURS = {HEALTHY: "#2e7d32", WATCH: "#f9a825", AT_RISK: "#c62828"}
STATUS_PRINT_COLOURS = {HEALTHY: "#2e7d32", WATCH: "#a66e00", AT_RISK: "#c62828"}
# The house colour (the dashboard's theme, .streamlit/config.toml) for one-series charts; the two sides of a pair
# differ in colour (blue and orange, told apart with any colour vision) and in shape.
HOUSE_COLOUR = "#1f6f8b"
SIDE_COLOURS = dict(zip(FEEDBACK_ROLES, (HOUSE_COLOUR, "#d9731a")))
SIDE_SHAPES = dict(zip(FEEDBACK_ROLES, ("circle", "diamond")))
EMPTY_WEEK_COLOUR, FULL_WEEK_COLOUR = "#eeeeee", "#1b5e20"
COHORT_COLOURS = (HOUSE_COLOUR, "#d9731a", "#6a4c93", "#5d8a3a", "#8c564b", "#7f7f7f")  # cohort beside cohort
REFERENCE_COLOUR = "#1f2933"  # a published reference: dark ink, dashed

# --- reminders (lib/reminders/) -----------------------------------------------------------------------------------
DUE, NUDGE, DIGEST = "due", "nudge", "digest"
REMINDER_KINDS = (DUE, NUDGE, DIGEST)
# A message is recorded `sending` before it goes to the mail server and `sent` after; `refused` (every recipient
# refused) and `failed` (the server refused the message) were not delivered, so a later run may try again;
# `skipped`: another run recorded the same reminder at the same moment, and first.
SENDING, SENT, REFUSED, FAILED, SKIPPED = "sending", "sent", "refused", "failed", "skipped"
REMINDER_STATUSES = (SENDING, SENT, REFUSED, FAILED, SKIPPED)
DEFAULT_MAX_REMINDERS = 50  # messages per run, unless the settings say otherwise
SMTP_SECURITY_PORTS = {"starttls": 587, "ssl": 465, "none": 25}  # the first is the default
DEFAULT_SMTP_SECURITY = "starttls"

# --- pairing -------------------------------------------------------------------------------------------------------
DEFAULT_MIN_SCORE = 40  # "best matches only" makes no pair below this score (0-100)

# --- files ---------------------------------------------------------------------------------------------------------
XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CALENDAR_MIME = "text/calendar"


def program_phrase(program_name: str, organisation: str, whose: str = "your") -> str:
    """The program named in a sentence: its name, else "the Acme mentoring program", else "your mentoring program"."""
    if program_name.strip():
        return program_name.strip()
    return f"the {organisation.strip()} mentoring program" if organisation.strip() else f"{whose} mentoring program"


UNNAMED_PROGRAM = "Mentorship program"  # a program with no name and no organisation, in titles and on paper


def program_title(program_name: str, organisation: str) -> str:
    """The program as a page or document title: its name, else the organisation's, else a neutral title."""
    return program_name.strip() or organisation.strip() or UNNAMED_PROGRAM
