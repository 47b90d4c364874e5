#!/usr/bin/env python3
"""Tandem sample data: Northwind Labs' summer internship, pinned to AS_OF. People, pairings and
their stories are hand-written below; check-ins and feedback are generated from each pair's story.
Seeded, standard library only, byte-identical on every run. Usage: python sample_data/generate.py"""
import csv
import random
import sys
from datetime import date, timedelta
from pathlib import Path

from records import GOALS, OUTCOMES  # beside this script: what the pairs work on and became

OUT = Path(__file__).resolve().parent
DOMAIN = "@northwind.example"
AS_OF = date(2026, 7, 24)
COHORT = "Summer 2026"

SETTINGS = [("organisation", "Northwind Labs"), ("program_name", "Summer Internship 2026"), ("program_start", "2026-06-01"),
            ("program_end", "2026-08-21"), ("contact", "Priya Raman <priya.raman@northwind.example>"),
            ("default_cadence", "biweekly"), ("as_of", AS_OF.isoformat())]

# Emails are local parts (see em()). Managers outside the roster: cto, rafael.costa (VP Eng),
# hannah.weiss (Platform EM), daniel.okafor (Head of Data), jonas.berg (Support lead).
MENTORS = [  # email, name, team, manager, skills, interests, seniority, timezone, capacity, types, languages, active
    ("ana.ruiz", "Ana Ruiz", "Platform", "cto", "Python; Kubernetes; Terraform; CI/CD; code review",
     "open source; mentoring juniors; cycling", 9, "Europe/Lisbon", 3, "one-on-one; group", "English; Spanish; Portuguese", "yes"),
    ("lukasz.nowak", "Łukasz Nowak", "Security", "cto", "threat modeling; penetration testing; CTF; incident response; Python",
     "security research; chess", 11, "Europe/Warsaw", 3, "group; one-on-one", "English; Polish; German", "yes"),
    ("aiko.tanaka", "Aiko Tanaka", "Data", "daniel.okafor", "SQL; Python; Airflow; dbt; statistics",
     "data visualisation; public speaking", 7, "Europe/Berlin", 3, "one-on-one", "English; Japanese; German", "yes"),
    ("jose.martinez", "José Martínez", "Web", "marcus.johnson", "TypeScript; React; accessibility; CSS; testing",
     "design systems; music", 6, "UTC+1", 3, "one-on-one; peer", "English; Spanish", "yes"),
    ("olena.kovalenko", "Olena Kovalenko", "Mobile", "rafael.costa", "Kotlin; Swift; Android; iOS; mobile testing",
     "UX; hiking", 8, "Europe/Kyiv", 2, "one-on-one; peer", "English; Ukrainian; Polish", "yes"),
    ("priya.raman", "Priya Raman", "Support", "rafael.costa", "communication; troubleshooting; technical writing; SQL",
     "networking; coaching; inclusion", 12, "Asia/Kolkata", 3, "one-on-one; group", "English; Hindi; Tamil", "yes"),
    ("marcus.johnson", "Marcus Johnson", "Web", "cto", "JavaScript; Node.js; system design; code review; debugging",
     "career growth; basketball", 14, "America/New_York", 2, "one-on-one", "English", "yes"),
    ("fatima.alsayed", "Fatima Al-Sayed", "Data", "daniel.okafor", "machine learning; Python; pandas; statistics",
     "AI ethics; reading", 10, "UTC+4", 0, "one-on-one", "English; Arabic; French", "no"),  # on leave
    ("grace.oyelaran", "Grace Oyelaran", "Data", "daniel.okafor", "Python; pandas; debugging; data cleaning; Jupyter",
     "open data; rowing", 6, "Europe/Berlin", 1, "one-on-one", "English; Yoruba", "yes"),
    ("elif.yilmaz", "Elif Yılmaz", "Security", "cto", "security; threat modeling; CTF; cloud security; incident response",
     "lock picking; jazz", 7, "Europe/Istanbul", 1, "one-on-one", "English; Turkish", "yes"),
    ("sara.lindberg", "Sara Lindberg", "Platform", "hannah.weiss", "Terraform; CI/CD; Docker; Linux; Bash",
     "homelab; sailing", 8, "Europe/Stockholm", 2, "group; one-on-one", "English; Swedish", "yes"),  # groups too
]

MENTEES = [  # email, name, team, manager, goals, skills, interests, seniority, timezone,
             # preferred_type, preferred_mentors, avoid, languages, active
    ("mei.chen", "Mei Chen", "Platform", "hannah.weiss", "Kubernetes; Terraform; code review", "Go; Linux",
     "open source; climbing", 1, "Europe/Berlin", "one-on-one", "ana.ruiz", "", "English; Mandarin", "yes"),
    ("tomas.silva", "Tomás Silva", "Support", "priya.raman", "debugging; code review; Python basics", "customer empathy; Excel",
     "football; podcasts", 0, "Europe/Lisbon", "one-on-one", "", "", "English; Portuguese", "yes"),
    ("chidi.okonkwo", "Chidi Okonkwo", "Data", "daniel.okafor", "SQL; Airflow; statistics", "Python; R",
     "sports analytics", 1, "Europe/Berlin", "one-on-one", "", "", "English; Igbo", "yes"),
    ("sofia.rossi", "Sofia Rossi", "Data", "daniel.okafor", "dbt; data modelling; SQL", "Excel; Tableau",
     "cooking; data visualisation", 0, "Europe/Berlin", "one-on-one", "aiko.tanaka", "", "English; Italian", "yes"),
    ("noah.fischer", "Noah Fischer", "Web", "marcus.johnson", "React; testing; TypeScript", "HTML; CSS",
     "gaming; photography", 0, "Europe/Berlin", "one-on-one", "", "", "English; German", "yes"),
    ("zoe.dubois", "Zoë Dubois", "Web", "marcus.johnson", "accessibility; React; testing", "UI design; Figma",
     "design systems; theatre", 1, "Europe/Paris", "one-on-one", "jose.martinez", "", "English; French", "yes"),
    ("liam.obrien", "Liam O'Brien", "Mobile", "rafael.costa", "Kotlin; Android; mobile testing", "Java; Git",
     "running; UX", 1, "Europe/Dublin", "one-on-one", "olena.kovalenko", "", "English; Irish", "yes"),
    ("amara.nwosu", "Amara Nwosu", "Support", "jonas.berg", "communication; networking; public speaking", "troubleshooting; SQL",
     "community building; poetry", 1, "Europe/London", "one-on-one", "priya.raman", "", "English; Yoruba", "yes"),
    ("diego.hernandez", "Diego Hernández", "Data", "daniel.okafor", "communication; networking; stakeholder management", "Python; pandas",
     "salsa; economics", 2, "America/New_York", "one-on-one", "", "tomas.silva", "English; Spanish", "yes"),
    ("hana.kim", "Hana Kim", "Web", "jose.martinez", "system design; Node.js; code review", "JavaScript; SQL",
     "career growth; piano", 2, "America/New_York", "one-on-one", "marcus.johnson", "", "English; Korean", "yes"),
    ("arjun.patel", "Arjun Patel", "Web", "marcus.johnson", "TypeScript; React; accessibility", "Python; CSS",
     "cricket; startups", 1, "Asia/Kolkata", "one-on-one", "", "", "English; Gujarati; Hindi", "no"),  # left
    ("kwame.mensah", "Kwame Mensah", "Security", "rafael.costa", "security; threat modeling; CTF", "Linux; networking",
     "CTF; electronics", 1, "Europe/Berlin", "group", "lukasz.nowak", "", "English; Twi", "yes"),
    ("ingrid.johansson", "Ingrid Johansson", "Platform", "hannah.weiss", "security; CTF; cloud IAM", "Terraform; Bash",
     "skiing; puzzles", 1, "Europe/Stockholm", "group", "", "", "English; Swedish", "yes"),
    ("rahul.verma", "Rahul Verma", "Support", "jonas.berg", "security; threat modeling; incident response", "troubleshooting; Linux",
     "CTF; cricket", 0, "Asia/Kolkata", "group", "", "", "English; Hindi", "yes"),
    ("yusuf.demir", "Yusuf Demir", "Mobile", "rafael.costa", "Swift; iOS; mobile testing", "Python; UI design",
     "mobile games", 0, "Europe/Istanbul", "one-on-one", "olena.kovalenko", "", "English; Turkish", "yes"),
    ("mateus.oliveira", "Mateus Oliveira", "Web", "jose.martinez", "debugging; code review; JavaScript", "HTML; CSS",
     "surfing; music", 0, "UTC-3", "one-on-one", "", "", "English; Portuguese", "yes"),
    ("nadia.haddad", "Nadia Haddad", "Support", "jonas.berg", "networking; communication; product thinking", "customer empathy; technical writing",
     "volunteering; languages", 1, "Europe/Berlin", "peer", "", "", "English; Arabic; French", "yes"),
    ("jakub.dvorak", "Jakub Dvořák", "Platform", "ana.ruiz", "networking; communication; presenting", "Docker; CI/CD",
     "board games; cycling", 2, "Europe/Warsaw", "peer", "", "", "English; Czech; Polish", "yes"),
    ("lena.schmidt", "Lena Schmidt", "Data", "aiko.tanaka", "Python basics; debugging; pandas", "statistics; Excel",
     "rowing", 0, "Europe/Berlin", "one-on-one", "", "ana.ruiz", "English; German", "yes"),
    ("thandiwe.dlamini", "Thandiwe Dlamini", "Security", "rafael.costa", "security; threat modeling; CTF", "Python; networking",
     "CTF; jazz", 1, "UTC+2", "one-on-one", "lukasz.nowak", "", "English; Zulu", "yes"),
    ("siddharth.iyer", "Siddharth Iyer", "Platform", "ana.ruiz", "Terraform; CI/CD; Kubernetes", "Java; SQL",
     "trekking; chess", 1, "Asia/Kolkata", "one-on-one", "", "", "English; Tamil", "yes"),
    ("chloe.martin", "Chloé Martin", "Web", "marcus.johnson", "public speaking; SQL", "React; UI design",
     "design systems; climbing", 1, "Europe/Paris", "peer", "", "", "English; French", "yes"),
    ("kenji.watanabe", "Kenji Watanabe", "Data", "daniel.okafor", "React; UI design", "SQL; public speaking",
     "photography; climbing", 1, "Europe/Berlin", "peer", "", "", "English; Japanese", "yes"),
]
# Left unpaired for the matching engine, each with a mentor whose skills meet their goals and a free place:
# lena.schmidt (managed by Aiko and avoiding Ana, both Python mentors: Grace has the place), thandiwe.dlamini
# (wishes for Łukasz, whose circle is full: Elif covers her goals), and the instructive hard case siddharth.iyer
# (managed by Ana, the one mentor who covers all his goals: the rule holds, and Sara's group covers two of three).
# chloe.martin and kenji.watanabe prefer peer mentoring and cover each other's goals; Sara Lindberg offers a group
# with two free places. Free places: Ana, Aiko, Priya, José, Grace, Elif one each, Sara two.


# Stories: healthy, drifting (regular until drift_from, then irregular), at_risk (silent
# from quiet_from), pending (first meeting not yet held), ended. Feedback overrides by
# round: (mentee rating, comment, mentor rating, comment); rating None = no response.
def pair(*values, end="", reason="", drift_from=None, quiet_from=None, feedback=None):
    keys = "id mentor mentee type status start cadence goals story track".split()
    return dict(zip(keys, values), end=end, reason=reason, drift_from=drift_from, quiet_from=quiet_from, feedback=feedback or {})


O, G = "one-on-one", "group"
PAIRS = [
    pair("P-001", "ana.ruiz", "mei.chen", O, "active", "2026-06-01", "weekly", "Kubernetes; code review", "healthy", "platform"),
    pair("P-002", "ana.ruiz", "tomas.silva", O, "active", "2026-06-01", "weekly", "debugging; Python basics", "drifting", "code",
         drift_from="2026-06-29", feedback={1: (5, "Clear explanations and quick answers", 4, ""),
                                            2: (3, "Helpful, but we meet less often now", 4, "")}),
    pair("P-003", "aiko.tanaka", "chidi.okonkwo", O, "active", "2026-06-03", "biweekly", "SQL; Airflow", "healthy", "data"),
    pair("P-004", "aiko.tanaka", "sofia.rossi", O, "active", "2026-06-03", "biweekly", "dbt; data modelling", "at_risk", "data",
         quiet_from="2026-06-10", feedback={1: (2, "Haven't met since the kick-off; not sure who to ask", None, ""),
                                            2: (None, "", None, "")}),
    pair("P-005", "jose.martinez", "noah.fischer", O, "active", "2026-07-06", "weekly", "React; testing", "pending", "web"),
    pair("P-006", "jose.martinez", "zoe.dubois", O, "active", "2026-06-01", "weekly", "accessibility; React", "healthy", "web"),
    pair("P-007", "olena.kovalenko", "liam.obrien", O, "active", "2026-06-01", "weekly", "Kotlin; mobile testing", "drifting", "mobile",
         drift_from="2026-06-22", feedback={0: (5, "Great start, very structured", 5, "Very motivated"),
                                            1: (4, "Sessions get moved a lot", 4, ""),
                                            2: (2, "We keep cancelling; I don't get much time", 3, "Release crunch; I owe Liam more time")}),
    pair("P-008", "priya.raman", "amara.nwosu", O, "active", "2026-06-01", "weekly", "networking; public speaking", "healthy", "network"),
    pair("P-009", "priya.raman", "diego.hernandez", O, "active", "2026-06-08", "biweekly", "communication; networking", "at_risk", "network",
         quiet_from="2026-06-12", feedback={0: (4, "Good intro to how Support works", 4, ""),
                                            1: (None, "", 3, "Hard to find a slot across time zones; Diego missed the last two")}),
    pair("P-010", "marcus.johnson", "hana.kim", O, "active", "2026-06-02", "weekly", "system design; code review", "drifting", "backend",
         drift_from="2026-07-01", feedback={1: (4, "", 5, "Great progress this month"),
                                            2: (4, "", 3, "Busy month; we need to reset our cadence")}),
    pair("P-011", "lukasz.nowak", "kwame.mensah", G, "active", "2026-06-08", "biweekly", "threat modeling; CTF", "healthy", "security"),
    pair("P-012", "lukasz.nowak", "ingrid.johansson", G, "active", "2026-06-08", "biweekly", "threat modeling; CTF", "healthy", "security"),
    pair("P-013", "lukasz.nowak", "rahul.verma", G, "active", "2026-06-08", "biweekly", "threat modeling; CTF", "healthy", "security"),
    pair("P-014", "jakub.dvorak", "nadia.haddad", "peer", "active", "2026-06-15", "biweekly", "networking; communication", "healthy", "network"),
    pair("P-015", "jose.martinez", "arjun.patel", O, "ended", "2026-06-01", "weekly", "TypeScript; React", "ended", "web",
         end="2026-07-03", reason="Intern left for a full-time offer",
         feedback={1: (5, "Thanks for everything!", 5, "Sad to see Arjun go; well-deserved offer")}),
    pair("P-016", "olena.kovalenko", "yusuf.demir", O, "proposed", "", "biweekly", "Swift; iOS", "proposed", "mobile"),
    pair("P-017", "marcus.johnson", "mateus.oliveira", O, "proposed", "", "weekly", "debugging; code review", "proposed", "code"),
]

KICKOFF = "Kick-off: goals, expectations and meeting rhythm"
NOTES = {
    "platform": ["Walked through the deploy pipeline", "Reviewed first PR; talked about test naming", "Paired on a Terraform module",
                 "On-call basics and reading runbooks", "Debugged a flaky CI job together", "Planned the Kubernetes lab"],
    "code": ["Set up the debugger; stepped through a failing test", "Reviewed a PR line by line; keep functions small",
             "Python basics: dicts and list comprehensions", "Practised reading stack traces", "Talked about asking for help early",
             "Wrote unit tests for the bug fix"],
    "backend": ["Sketched the order service on a whiteboard", "Reviewed a Node.js PR: error handling", "API versioning",
                "Caching trade-offs", "Read a design doc together", "Reviewed first PR; talked about test naming"],
    "data": ["Reviewed a slow SQL query; added an index", "Walked through the Airflow DAG layout", "Discussed dbt model naming",
             "Sanity-checked an A/B test analysis", "Documenting datasets for other teams", "Planned the demo-day dashboard"],
    "web": ["Accessibility audit of the signup form", "Reviewed React component structure", "Paired on Playwright tests",
            "CSS layout: grid vs flexbox", "Discussed design system tokens", "Reviewed first PR; talked about test naming"],
    "mobile": ["Set up Android Studio and the emulator", "Reviewed Kotlin coroutine usage", "How an app release works",
               "Paired on a UI test", "Crash report triage", "Talked about offline-first design"],
    "network": ["Mapped who to meet across teams", "Prepared a 2-minute intro for the all-hands", "Debriefed coffee chat with the Data team",
                "Practised a product demo", "Writing clear status updates", "Planned questions for the CTO AMA"],
    "security": ["Threat-modelled the login flow (STRIDE)", "Solved two CTF web challenges together", "Walked through an incident review",
                 "Intro to Burp Suite", "Secure code review checklist", "Planned a phishing-awareness lightning talk"],
}
LATE_NOTES = ["Short catch-up; rescheduled twice", "Quick check-in between meetings", "Moved to chat; both busy with the release",
              "Rescheduled; caught up on blockers only"]
COMMENTS = {"mentee": ["Really useful sessions", "Clear explanations and quick answers", "", "I feel more confident asking questions",
                       "Great at unblocking me"],
            "mentor": ["Well prepared and curious", "Great progress this month", "", "Asks good questions",
                       "Takes feedback on board quickly"]}
LATE_COMMENTS = {"mentee": ["Helpful, but we meet less often now", "", "Sessions keep moving around"],
                 "mentor": ["Busy month; we need to reset our cadence", "", "We should get back to weekly"]}
STEP = {"weekly": 7, "biweekly": 14, "monthly": 28}

rng = random.Random(2026)
D = date.fromisoformat


def em(locals_):
    """'ana.ruiz cto' -> 'ana.ruiz@northwind.example; cto@northwind.example'"""
    return "; ".join(x + DOMAIN for x in locals_.split())


def weekday(d):
    """Move weekend dates to the nearest working day (Sat -> Fri, Sun -> Mon)."""
    return d - timedelta(1) if d.weekday() == 5 else d + timedelta(1) if d.weekday() == 6 else d


def sessions(p):
    """[(date, minutes, channel, note)] for a pair, following its story."""
    if p["story"] in ("pending", "proposed"):
        return []
    start = D(p["start"])
    last = min(AS_OF, D(p["end"]) - timedelta(7) if p["end"] else AS_OF)
    if p["quiet_from"]:
        last = min(last, D(p["quiet_from"]) - timedelta(1))
    drift = D(p["drift_from"]) if p["drift_from"] else None
    out, d = [], start + timedelta(rng.randint(0, 2))
    while weekday(d) <= last:
        w, late = weekday(d), bool(drift and d >= drift)
        if w >= start and (not out or w > out[-1][0]):
            notes = LATE_NOTES if late else NOTES[p["track"]]
            note = notes[(len(out) - 1) % len(notes)] if out else KICKOFF
            minutes = rng.choice([15, 20, 30] if late else [45, 60] if p["type"] == G else [30, 45, 45, 60])
            channel = rng.choice(["chat", "phone", "video"] if late else ["video"] * 3 + ["in person", "chat", "phone"])
            out.append((w, minutes, channel, note))
        d += timedelta(rng.randint(9, 17) if late else STEP[p["cadence"]] + rng.randint(-1, 1))
    return out


def feedback(p, met):
    """Feedback rounds roughly every 3 weeks from each side, once the pair has met."""
    if not met:
        return []
    start, rows = D(p["start"]), []
    cap = min(AS_OF, D(p["end"]) if p["end"] else AS_OF)
    for k in range(4):
        d = weekday(start + timedelta(11 + 21 * k - rng.randint(0, 2)))
        if d > cap:
            break
        late = bool(p["drift_from"] and d >= D(p["drift_from"]))
        pool = LATE_COMMENTS if late else COMMENTS
        given = p["feedback"].get(k) or (rng.choice([3, 4]) if late else rng.choice([4, 5, 5]), rng.choice(pool["mentee"]),
                                          rng.choice([3, 4]) if late else rng.choice([4, 5, 5]), rng.choice(pool["mentor"]))
        for role, rating, comment in (("mentee", given[0], given[1]), ("mentor", given[2], given[3])):
            if rating is not None:
                when = d if role == "mentee" else max(start, weekday(d - timedelta(rng.randint(0, 2))))
                rows.append([when.isoformat(), em(p["mentor"]), em(p["mentee"]), role, rating, comment])
    return rows


# Pairing fit (feedback rows whose question is "fit"; 3 good fit, 2 still deciding, 1 not a good fit), asked a week
# after the first meeting. The quiet pairs never answered; Liam was still deciding at first and said good fit a week
# later, so no pair is flagged for its fit and the sample's statuses stay those of its check-ins and feedback.
FIT_LATER = {"P-007": ("mentee", 2, "Too early to say", 7, 3, "Yes, now that we have a plan")}


# The security circle's mid-point review (its ratings rounds fall before the program's midpoint, 11 Jul).
MIDPOINT_CIRCLE = [["2026-07-20", em("lukasz.nowak"), em(member), role, rating, comment]
                   for member, (mine, theirs) in (("kwame.mensah", (5, 4)), ("ingrid.johansson", (4, 5)),
                                                  ("rahul.verma", (4, 5)))
                   for role, rating, comment in (("mentee", mine, "Mid-point: the CTF drills help most"),
                                                 ("mentor", theirs, "Mid-point: on track"))]


def fit_answers(cache):
    rows = []
    for p in PAIRS:
        met = cache.get(p["mentor"] if p["type"] == G else p["id"])
        if not met or p["story"] == "at_risk":
            continue
        asked = weekday(met[0][0] + timedelta(7))
        answers = [("mentor", asked, 3, ""), ("mentee", weekday(asked + timedelta(1)), 3, "")]  # the mentee a day later
        if p["id"] in FIT_LATER:
            role, first, first_comment, later, final, comment = FIT_LATER[p["id"]]
            answers = [a for a in answers if a[0] != role] + [(role, asked, first, first_comment),
                                                               (role, weekday(asked + timedelta(later)), final, comment)]
        last = min(AS_OF, D(p["end"]) if p["end"] else AS_OF)
        rows += [[when.isoformat(), em(p["mentor"]), em(p["mentee"]), role, answer, comment]
                 for role, when, answer, comment in answers if when <= last]
    return rows


def write(name, header, rows):
    with open(OUT / name, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)


def main():
    write("settings.csv", ["key", "value"], SETTINGS)
    write("mentors.csv", "email,name,team,manager_email,skills,interests,seniority,timezone,capacity,mentorship_types,"
          "languages,active,cohort".split(","), [[em(m[0]), m[1], m[2], em(m[3]), *m[4:], COHORT] for m in MENTORS])
    write("mentees.csv", "email,name,team,manager_email,goals,skills,interests,seniority,timezone,preferred_type,"
          "preferred_mentors,avoid,languages,active,cohort".split(","),
          [[em(m[0]), m[1], m[2], em(m[3]), *m[4:10], em(m[10]), em(m[11]), m[12], m[13], COHORT] for m in MENTEES])
    write("pairings.csv", "id,mentor_email,mentee_email,type,status,started_on,ended_on,cadence,goals,end_reason".split(","),
          [[p["id"], em(p["mentor"]), em(p["mentee"]), p["type"], p["status"], p["start"], p["end"], p["cadence"],
            p["goals"], p["reason"]] for p in PAIRS])
    checkins, fb, cache = [], [], {}
    for p in PAIRS:
        key = p["mentor"] if p["type"] == G else p["id"]  # a group circle shares one list of sessions
        met = cache[key] if key in cache else cache.setdefault(key, sessions(p))
        checkins += [[d.isoformat(), em(p["mentor"]), em(p["mentee"]), mins, ch, note] for d, mins, ch, note in met]
        fb += feedback(p, met)
    checkins.sort(key=lambda r: r[:3])
    fb.sort(key=lambda r: r[:4])
    write("checkins.csv", "id,date,mentor_email,mentee_email,minutes,channel,notes".split(","),
          [[f"C-{i:04d}", *r] for i, r in enumerate(checkins, 1)])
    # the mid-point ratings and the fit answers come after the first ratings, so those keep their ids
    rows = [[*r, ""] for r in fb + MIDPOINT_CIRCLE] + [[*r, "fit"] for r in fit_answers(cache)]
    write("feedback.csv", "id,date,mentor_email,mentee_email,from_role,rating,comment,question".split(","),
          [[f"F-{i:03d}", *r] for i, r in enumerate(rows, 1)])
    write("goals.csv", "id,pairing_id,goal,measure,target_date,status,progress,updated_on".split(","),
          [[f"G-{i:03d}", *g] for i, g in enumerate(GOALS, 1)])
    write("outcomes.csv", "id,mentee_email,date,offer,next_step,skills_before,skills_after,notes".split(","),
          [[f"O-{i:03d}", em(o[0]), *o[1:]] for i, o in enumerate(OUTCOMES, 1)])
    check()


def check():
    """Re-read the CSVs and verify every invariant the app relies on; exit 1 on failure."""
    def load(name):
        with open(OUT / name, encoding="utf-8", newline="") as f:
            return list(csv.DictReader(f))
    errors = []
    need = lambda ok, msg: ok or errors.append(msg)  # noqa: E731
    mentors, mentees = {r["email"]: r for r in load("mentors.csv")}, {r["email"]: r for r in load("mentees.csv")}
    pairings, checkins, fb = load("pairings.csv"), load("checkins.csv"), load("feedback.csv")
    settings = {r["key"]: r["value"] for r in load("settings.csv")}
    as_of = D(settings["as_of"])
    need(settings == dict(SETTINGS), "settings.csv does not match SETTINGS")
    need(len(mentors) == len(MENTORS) and len(mentees) == len(MENTEES), "duplicate emails in a roster")
    need(not set(mentors) & set(mentees), "someone is both mentor and mentee")
    for name, rows in (("pairings", pairings), ("checkins", checkins), ("feedback", fb)):
        need(len({r["id"] for r in rows}) == len(rows), f"duplicate ids in {name}")
    for m in mentors.values():
        need(0 <= int(m["capacity"]) <= 3 and (m["capacity"] != "0" or m["active"] == "no"), f"capacity of {m['email']}")
    for m in mentees.values():
        need(set(m["preferred_mentors"].split("; ")) <= set(mentors) | {""}, f"{m['email']}: unknown preferred mentor")
        need(set(m["avoid"].split("; ")) <= set(mentors) | set(mentees) | {""}, f"{m['email']}: unknown avoid email")
    by_pair, load_ = {}, {}
    for p in pairings:
        mentor, mentee, kind, status = p["mentor_email"], p["mentee_email"], p["type"], p["status"]
        need((mentor, mentee) not in by_pair, f"{p['id']}: duplicate pair")
        by_pair[(mentor, mentee)] = p
        side = mentees if kind == "peer" else mentors
        need(kind in ("one-on-one", "group", "peer") and status in ("proposed", "active", "ended") and p["cadence"] in STEP,
             f"{p['id']}: bad type/status/cadence")
        if not need(mentor in side and mentee in mentees, f"{p['id']}: unknown people"):
            continue
        people = [side[mentor], mentees[mentee]]
        need(mentees[mentee]["manager_email"] != mentor, f"{p['id']}: mentee paired with own manager")
        need(mentor not in mentees[mentee]["avoid"].split("; ") and mentee not in people[0].get("avoid", "").split("; "),
             f"{p['id']}: avoid list")
        if status in ("proposed", "active"):
            need(all(x["active"] == "yes" for x in people), f"{p['id']}: inactive person in {status} pairing")
            need(not p["ended_on"] and not p["end_reason"], f"{p['id']}: open pairing has an end")
            load_[mentor] = load_.get(mentor, 0) + 1
        need((status == "proposed") == (not p["started_on"]), f"{p['id']}: started_on vs status")
        need(not p["started_on"] or D(p["started_on"]) <= as_of, f"{p['id']}: starts after as_of")
        if status == "ended":
            need(p["ended_on"] and p["end_reason"] and D(p["started_on"]) <= D(p["ended_on"]) <= as_of, f"{p['id']}: bad end")
    for email, n in load_.items():
        need(email not in mentors or n <= int(mentors[email]["capacity"]), f"{email}: over capacity ({n})")
    for name, rows in (("checkins", checkins), ("feedback", fb)):
        for r in rows:
            p = by_pair.get((r["mentor_email"], r["mentee_email"]))
            if not need(p and p["started_on"], f"{name} {r['id']}: no such started pairing"):
                continue
            last = min(as_of, D(p["ended_on"]) if p["ended_on"] else as_of)
            need(D(p["started_on"]) <= D(r["date"]) <= last, f"{name} {r['id']}: date outside pairing")
            need(15 <= int(r["minutes"]) <= 60 and r["channel"] in ("video", "in person", "chat", "phone") if name == "checkins"
                 else r["from_role"] in ("mentor", "mentee") and 1 <= int(r["rating"]) <= (3 if r["question"] else 5),
                 f"{r['id']}: bad field")
    need([r["date"] for r in checkins] == sorted(r["date"] for r in checkins), "check-ins not in date order")
    last_met = {(r["mentor_email"], r["mentee_email"]): D(r["date"]) for r in checkins}  # date-ordered: last wins
    for p in PAIRS:  # the stories tests rely on
        seen = last_met.get((em(p["mentor"]), em(p["mentee"])))
        gap = (as_of - seen).days if seen else None
        if p["story"] in ("pending", "proposed"):
            need(gap is None, f"{p['id']}: {p['story']} pair has check-ins")
        elif p["story"] == "at_risk":
            need(gap is not None and gap >= 21, f"{p['id']}: at-risk pair not silent 3+ weeks")
        elif p["story"] in ("healthy", "drifting"):
            need(gap is not None and gap < 21, f"{p['id']}: {p['story']} pair silent too long")
    if errors:
        sys.exit("sample data check failed:\n  " + "\n  ".join(errors))


if __name__ == "__main__":
    main()
