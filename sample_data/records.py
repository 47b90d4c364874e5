"""The sample's goals and outcomes, read by generate.py: what its pairs work on and what became of its interns."""

# What the first pairs work on (the goals tab), each goal with a measure and a target after the sample's as_of, so
# the sample's health statuses stay those of its check-ins and feedback; but one, of a pair already on Watch, is past
# its target, so the sample shows how a late goal reads.
GOALS = [
    ["P-001", "Kubernetes", "Deploys the team's service to the staging cluster alone", "2026-08-14", "in progress",
     60, "2026-07-17"],
    ["P-001", "code review", "Two reviews a week on the platform repo, with comments the author took up",
     "2026-08-21", "in progress", 40, "2026-07-17"],
    ["P-002", "debugging", "Finds and fixes a flaky test without help", "2026-07-31", "done", 100, "2026-07-23"],
    ["P-002", "Python basics", "Ships a small CLI with tests", "2026-08-21", "in progress", 30, "2026-07-23"],
    ["P-003", "SQL", "Writes the weekly report query, reviewed by the data team", "2026-08-07", "in progress", 50,
     "2026-07-15"],
    ["P-003", "Airflow", "Adds one DAG to the nightly pipeline", "2026-08-28", "open", 0, "2026-06-03"],
    ["P-006", "accessibility", "Audits the sign-up form with a screen reader and fixes what it finds",
     "2026-08-14", "in progress", 70, "2026-07-20"],
    ["P-010", "system design", "Presents a design for the notifications service", "2026-07-17", "open", 10,
     "2026-07-06"],
    ["P-007", "Kotlin", "Ships the settings screen of the Android app", "2026-08-14", "in progress", 40, "2026-07-08"],
    ["P-007", "mobile testing", "Adds UI tests for the sign-in flow", "2026-08-21", "open", 0, "2026-06-12"],
    ["P-008", "networking", "Coffee with five people outside Support", "2026-08-14", "in progress", 60, "2026-07-15"],
    ["P-008", "public speaking", "Presents at the August demo day", "2026-08-07", "in progress", 50, "2026-07-20"],
    *[[pairing, "threat modeling", "Threat-models the login flow with the circle", "2026-08-07", "in progress", 50,
       "2026-07-13"] for pairing in ("P-011", "P-012", "P-013")],
    *[[pairing, "CTF", "Solves three challenges of the autumn CTF", "2026-08-21", "open", 0, "2026-06-19"]
      for pairing in ("P-011", "P-012", "P-013")],
    ["P-014", "networking", "Each introduces the other to two teams", "2026-08-14", "in progress", 50, "2026-07-01"],
]
# The quiet pairs (P-004, P-009) and the pending one (P-005) never agreed goals: the plan says so.


# What became of some interns by as_of (the outcomes tab): every offer answer once, and a school placement for which
# an offer does not apply, so the Outcomes page and the report have each case to show.
OUTCOMES = [
    ["arjun.patel", "2026-07-03", "accepted", "Full-time front-end engineer on the web team from August",
     "TypeScript:2; React:3", "TypeScript:4; React:4", "Ended the internship early for the offer"],
    ["mei.chen", "2026-07-22", "made", "Return offer for the platform team; answering by 7 Aug",
     "Kubernetes:1; code review:2", "Kubernetes:3; code review:3", ""],
    ["zoe.dubois", "2026-07-21", "declined", "Going back to finish her master's; keeps in touch",
     "accessibility:2; React:2", "accessibility:4; React:3", ""],
    ["amara.nwosu", "2026-07-23", "none", "Applying to the autumn graduate scheme", "networking:2; public speaking:1",
     "networking:3; public speaking:3", "No opening in the network team this year"],
    ["chidi.okonkwo", "2026-07-20", "not applicable", "School placement: back at university in September",
     "SQL:1; Airflow:1", "SQL:3; Airflow:2", ""],
]
