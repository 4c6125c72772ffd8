"""Fills de/LC_MESSAGES/django.po from the table below (run after makemessages)."""

from __future__ import annotations

import re
import sys
from pathlib import Path

DE = {
    "Case management": "Fallmanagement",
    "This date lies in the future.": "Dieses Datum liegt in der Zukunft.",
    "Opened on": "Eröffnet am",
    "Location": "Standort",
    "Reason for the closure": "Grund für den Abschluss",
    "Note": "Notiz",
    "Please choose a reason for the closure.": "Bitte wählen Sie einen Grund für den Abschluss.",
    "Reason for reopening": "Grund für die Wiederaufnahme",
    "Please give a reason for reopening the case.": (
        "Bitte geben Sie einen Grund für die Wiederaufnahme des Falls an."
    ),
    "– not assessed –": "– nicht erhoben –",
    "Need": "Bedarf",
    "Situation": "Situation",
    "Resources": "Ressourcen",
    "Notes": "Notizen",
    "Please choose the need level for this field.": (
        "Bitte wählen Sie den Bedarf für dieses Handlungsfeld."
    ),
    "Assessed on": "Erhoben am",
    "Summary": "Zusammenfassung",
    "Please assess at least one field of action.": (
        "Bitte erheben Sie mindestens ein Handlungsfeld."
    ),
    "Agreed on": "Vereinbart am",
    "Review on": "Überprüfung am",
    "Client's language for the printout": "Sprache der ratsuchenden Person für den Ausdruck",
    "The review cannot be before the agreement.": (
        "Die Überprüfung kann nicht vor der Vereinbarung liegen."
    ),
    "Field of action": "Handlungsfeld",
    "Goal": "Ziel",
    "Target date": "Zieldatum",
    "The client does": "Die ratsuchende Person übernimmt",
    "The case manager does": "Das Case Management übernimmt",
    "Partner organisation": "Kooperationspartner",
    "The partner organisation does": "Der Kooperationspartner übernimmt",
    "Please name the partner organisation.": "Bitte nennen Sie den Kooperationspartner.",
    "Please enter at least one goal.": "Bitte geben Sie mindestens ein Ziel ein.",
    "Status": "Status",
    "Attainment at review": "Zielerreichung bei der Überprüfung",
    "Reviewed on": "Überprüft am",
    "Approve": "Freigeben",
    "Reject": "Ablehnen",
    "Decision": "Entscheidung",
    "Comment": "Kommentar",
    "Accept": "Annehmen",
    "New case manager": "Neue Fallverantwortung",
    "Please choose who will manage the case.": "Bitte wählen Sie, wer den Fall übernimmt.",
    "Receiving organisation": "Aufnehmender Träger",
    "Note for the receiving organisation": "Hinweis für den aufnehmenden Träger",
    "Shared with": "Geteilt mit",
    "Colleagues of your organisation who work on this case too.": (
        "Kolleginnen und Kollegen Ihres Trägers, die ebenfalls an diesem Fall arbeiten."
    ),
    "Access / intake": "Zugang / Aufnahme",
    "First consultation": "Erstberatung",
    "Assessment": "Bestandsaufnahme",
    "Planning (goal agreement)": "Planung (Zielvereinbarung)",
    "Implementation and monitoring": "Umsetzung und Monitoring",
    "Closed": "Abgeschlossen",
    "case manager": "Case Manager/in",
    "shared with (same organisation)": "geteilt mit (derselbe Träger)",
    "location": "Standort",
    "phase": "Phase",
    "opened on": "eröffnet am",
    "closed on": "abgeschlossen am",
    "closure reason": "Abschlussgrund",
    "closed from phase": "abgeschlossen aus Phase",
    "A reopened case returns to this phase.": (
        "Ein wieder aufgenommener Fall kehrt in diese Phase zurück."
    ),
    "last contact": "letzter Kontakt",
    "case": "Fall",
    "cases": "Fälle",
    "Case %(number)s": "Fall %(number)s",
    "reason": "Grund",
    "no need": "kein Bedarf",
    "low": "gering",
    "high": "hoch",
    "urgent": "dringend",
    "assessed on": "erhoben am",
    "summary": "Zusammenfassung",
    "assessment": "Bestandsaufnahme",
    "assessments": "Bestandsaufnahmen",
    "Assessment of %(date)s": "Bestandsaufnahme vom %(date)s",
    "field of action": "Handlungsfeld",
    "situation": "Situation",
    "resources": "Ressourcen",
    "need": "Bedarf",
    "notes": "Notizen",
    "awaiting approval": "wartet auf Freigabe",
    "agreed": "vereinbart",
    "not approved": "nicht freigegeben",
    "agreed on": "vereinbart am",
    "review on": "Überprüfung am",
    "client's language for the printout": "Sprache der ratsuchenden Person für den Ausdruck",
    "status": "Status",
    "goal agreement": "Zielvereinbarung",
    "goal agreements": "Zielvereinbarungen",
    "Goal agreement of %(date)s": "Zielvereinbarung vom %(date)s",
    "open": "offen",
    "achieved": "erreicht",
    "partly achieved": "teilweise erreicht",
    "not achieved": "nicht erreicht",
    "dropped": "verworfen",
    "goal": "Ziel",
    "target date": "Zieldatum",
    "the client does": "die ratsuchende Person übernimmt",
    "the case manager does": "das Case Management übernimmt",
    "partner organisation": "Kooperationspartner",
    "the partner organisation does": "der Kooperationspartner übernimmt",
    "attainment at review": "Zielerreichung bei der Überprüfung",
    "reviewed on": "überprüft am",
    "goals": "Ziele",
    "Goal agreement": "Zielvereinbarung",
    "Closure": "Abschluss",
    "pending": "offen",
    "approved": "freigegeben",
    "rejected": "abgelehnt",
    "kind": "Art",
    "note": "Notiz",
    "comment on the decision": "Kommentar zur Entscheidung",
    "approval": "Freigabe",
    "approvals": "Freigaben",
    "accepted": "angenommen",
    "receiving organisation": "aufnehmender Träger",
    "note for the receiving organisation": "Hinweis für den aufnehmenden Träger",
    "transfer request": "Übergabeanfrage",
    "transfer requests": "Übergabeanfragen",
    "Recorded by": "Erfasst von",
    "Printout": "Ausdruck",
    "PDF for signing": "PDF zum Unterschreiben",
    "Goals": "Ziele",
    "Goal %(n)s": "Ziel %(n)s",
    "Empty goals are left out. The printout shows the fixed texts in German and in the "
    "client's language.": (
        "Leere Ziele werden nicht gespeichert. Der Ausdruck zeigt die festen Texte auf Deutsch "
        "und in der Sprache der ratsuchenden Person."
    ),
    "Save the goal agreement": "Zielvereinbarung speichern",
    "Cancel": "Abbrechen",
    "Approval": "Freigabe",
    "Client": "Ratsuchende Person",
    "Requested by": "Angefragt von",
    "Record the decision": "Entscheidung speichern",
    "Assessed by": "Erhoben von",
    "Compared with": "Verglichen mit",
    "the first assessment": "der ersten Bestandsaufnahme (kein Vergleich)",
    "Assess each field of action that matters for this person; leave the others “not "
    "assessed”. A re-assessment starts from the last assessment.": (
        "Erheben Sie jedes Handlungsfeld, das für diese Person wichtig ist; lassen Sie die "
        "übrigen auf „nicht erhoben“. Eine erneute Bestandsaufnahme beginnt mit den Angaben "
        "der letzten."
    ),
    "Save the assessment": "Bestandsaufnahme speichern",
    "Overview": "Überblick",
    "Phase": "Phase",
    "Case manager": "Case Manager/in",
    "Organisation": "Träger",
    "Last contact": "Letzter Kontakt",
    "Closed on": "Abgeschlossen am",
    "Location and sharing": "Standort und Teilen",
    "Hand over": "Übergeben",
    "Transfer to another organisation": "An anderen Träger übergeben",
    "Next steps": "Nächste Schritte",
    "Reopen: %(phase)s": "Wieder aufnehmen: %(phase)s",
    "Close the case": "Fall abschließen",
    "Go to: %(phase)s": "Weiter zu: %(phase)s",
    "No assessment yet.": "Noch keine Bestandsaufnahme.",
    "Re-assess": "Erneute Bestandsaufnahme",
    "Record an assessment": "Bestandsaufnahme erfassen",
    "No goal agreement yet.": "Noch keine Zielvereinbarung.",
    "New goal agreement": "Neue Zielvereinbarung",
    "Record a goal agreement": "Zielvereinbarung erfassen",
    "Timeline": "Verlauf",
    "No steps recorded yet.": "Noch keine Schritte erfasst.",
    "Changed in the meantime": "Inzwischen geändert",
    "Field": "Feld",
    "Saved now": "Jetzt gespeichert",
    "Your entry (not saved)": "Ihre Eingabe (nicht gespeichert)",
    "Save": "Speichern",
    "Review a goal": "Ziel überprüfen",
    "The case is managed by %(name)s. It can be handed over to another case manager of %(org)s.": (
        "Den Fall betreut %(name)s. Er kann an eine andere Fallverantwortliche oder einen "
        "anderen Fallverantwortlichen von %(org)s übergeben werden."
    ),
    "Open a case": "Fall eröffnen",
    "This client already has an open case in your organisation: %(number)s.": (
        "Für diese Person gibt es bei Ihrem Träger bereits einen offenen Fall: %(number)s."
    ),
    "Go to the open case": "Zum offenen Fall",
    "The case starts in the phase “Access / intake” and is managed by you.": (
        "Der Fall beginnt in der Phase „Zugang / Aufnahme“ und wird von Ihnen betreut."
    ),
    "Open the case": "Fall eröffnen",
    "Case": "Fall",
    "Who does what": "Wer macht was",
    "overdue": "überfällig",
    "Review": "Überprüfen",
    "Need before": "Bedarf vorher",
    "Need now": "Bedarf jetzt",
    "Change in need": "Veränderung",
    "less need": "weniger Bedarf",
    "more need": "mehr Bedarf",
    "newly assessed": "neu erhoben",
    "not assessed now": "jetzt nicht erhoben",
    "unchanged": "unverändert",
    "%(kind)s requested by %(who)s on %(date)s waits for the team lead's approval.": (
        "%(kind)s, angefragt von %(who)s am %(date)s, wartet auf die Freigabe der Teamleitung."
    ),
    "Decide": "Entscheiden",
    "Transfer to %(org)s requested on %(date)s; the case stays here until they accept.": (
        "Übergabe an %(org)s am %(date)s angefragt; der Fall bleibt hier, bis dort angenommen wird."
    ),
    "A transfer needs the client's consent to the transfer to this organisation. The "
    "receiving organisation's team lead accepts or rejects it; until then the case stays "
    "with you.": (
        "Eine Übergabe braucht die Einwilligung der ratsuchenden Person in die Übergabe an "
        "diesen Träger. Die Teamleitung des aufnehmenden Trägers nimmt sie an oder lehnt sie "
        "ab; bis dahin bleibt der Fall bei Ihnen."
    ),
    "Request the transfer": "Übergabe anfragen",
    "Transfer request": "Übergabeanfrage",
    "From": "Von",
    "Requested on": "Angefragt am",
    "Reopen the case": "Fall wieder aufnehmen",
    "From “%(now)s” to “%(then)s”.": "Von „%(now)s“ nach „%(then)s“.",
    "Confirm": "Bestätigen",
    "The case is already closed.": "Der Fall ist bereits abgeschlossen.",
    "A closure of this case is already waiting for approval.": (
        "Ein Abschluss dieses Falls wartet bereits auf Freigabe."
    ),
    "A reopened case returns to the phase in which it was closed.": (
        "Ein wieder aufgenommener Fall kehrt in die Phase zurück, in der er abgeschlossen wurde."
    ),
    "This step cannot follow the current phase.": (
        "Dieser Schritt kann nicht auf die aktuelle Phase folgen."
    ),
    "Planning needs an assessment: please record an assessment first.": (
        "Planung setzt eine Bestandsaufnahme voraus: Bitte erfassen Sie zuerst eine "
        "Bestandsaufnahme."
    ),
    "Implementation needs an agreed goal agreement: please record one first.": (
        "Die Umsetzung setzt eine vereinbarte Zielvereinbarung voraus: Bitte erfassen Sie "
        "zuerst eine."
    ),
    "This request has already been decided.": "Über diese Anfrage wurde bereits entschieden.",
    "Only a team lead of the case's organisation can decide this.": (
        "Nur die Teamleitung des Trägers, zu dem der Fall gehört, kann dies entscheiden."
    ),
    "You cannot approve your own request.": "Sie können Ihre eigene Anfrage nicht freigeben.",
    "The case is closed.": "Der Fall ist abgeschlossen.",
    "The case can only be handed over within its organisation.": (
        "Der Fall kann nur innerhalb seines Trägers übergeben werden."
    ),
    "The person chosen does not work as a case manager.": (
        "Die gewählte Person arbeitet nicht im Case Management."
    ),
    "This person already manages the case.": "Diese Person betreut den Fall bereits.",
    "The case already belongs to this organisation: use a handover instead.": (
        "Der Fall gehört bereits zu diesem Träger: Nutzen Sie stattdessen die Übergabe."
    ),
    "A case cannot leave its municipality.": "Ein Fall kann seine Kommune nicht verlassen.",
    "The client has no consent in force for a transfer to this organisation. Please record "
    "the consent first.": (
        "Es liegt keine gültige Einwilligung der ratsuchenden Person in die Übergabe an diesen "
        "Träger vor. Bitte erfassen Sie zuerst die Einwilligung."
    ),
    "A transfer of this case is already waiting for an answer.": (
        "Eine Übergabe dieses Falls wartet bereits auf Antwort."
    ),
    "Someone else changed this case while you were working on it. Nothing was saved: please "
    "look at the current state and try again.": (
        "Jemand anderes hat diesen Fall geändert, während Sie daran gearbeitet haben. Es wurde "
        "nichts gespeichert: Bitte prüfen Sie den aktuellen Stand und versuchen Sie es erneut."
    ),
    "The case %(number)s was opened.": "Der Fall %(number)s wurde eröffnet.",
    "Please choose one of the offered steps.": "Bitte wählen Sie einen der angebotenen Schritte.",
    "The closure was requested and waits for the team lead's approval.": (
        "Der Abschluss wurde beantragt und wartet auf die Freigabe der Teamleitung."
    ),
    "The case is now in the phase “%(phase)s”.": "Der Fall ist jetzt in der Phase „%(phase)s“.",
    "The assessment was saved.": "Die Bestandsaufnahme wurde gespeichert.",
    "The goal agreement was saved and waits for the team lead's approval.": (
        "Die Zielvereinbarung wurde gespeichert und wartet auf die Freigabe der Teamleitung."
    ),
    "The goal agreement was saved.": "Die Zielvereinbarung wurde gespeichert.",
    "The review of the goal was saved.": "Die Überprüfung des Ziels wurde gespeichert.",
    "Your decision was recorded.": "Ihre Entscheidung wurde gespeichert.",
    "The case was handed over to %(name)s.": "Der Fall wurde an %(name)s übergeben.",
    "The transfer was requested; the case stays with you until %(org)s accepts it.": (
        "Die Übergabe wurde angefragt; der Fall bleibt bei Ihnen, bis %(org)s ihn annimmt."
    ),
    "The case was taken over by your organisation.": "Ihr Träger hat den Fall übernommen.",
    "The transfer was rejected.": "Die Übergabe wurde abgelehnt.",
    "The case was saved.": "Der Fall wurde gespeichert.",
    "Goal past its target date: %(goal)s (%(field)s)": (
        "Ziel über dem Zieldatum: %(goal)s (%(field)s)"
    ),
    "Approve: %(kind)s (requested by %(who)s)": "Freigeben: %(kind)s (angefragt von %(who)s)",
    "Transfer request from %(org)s": "Übergabeanfrage von %(org)s",
}
PLURALS = {
    "%(n)s assessment": ("%(n)s Bestandsaufnahme", "%(n)s Bestandsaufnahmen"),
}


def po_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def unquote(lines: list[str]) -> str:
    raw = "".join(re.findall(r'^"(.*)"$', line.strip())[0] for line in lines)
    return raw.encode().decode("unicode_escape").encode("latin-1").decode("utf-8")


def fill(path: Path) -> list[str]:
    text = path.read_text(encoding="utf-8")
    text = text.replace('#\n#, fuzzy\nmsgid ""', '#\nmsgid ""', 1)
    text = text.replace('"Language: \\n"', '"Language: de\\n"', 1)
    blocks = text.split("\n\n")
    missing = []
    out = [blocks[0]]
    for block in blocks[1:]:
        lines = [line for line in block.splitlines() if "#, fuzzy" not in line]
        keep = [line for line in lines if line.startswith("#")]
        body = [line for line in lines if not line.startswith("#")]
        text = "\n".join(body)
        msgid_lines = re.search(r'msgid (".*"(?:\n".*")*)', text).group(1).splitlines()
        msgid = unquote(msgid_lines)
        plural = re.search(r'msgid_plural (".*"(?:\n".*")*)', text)
        new = [*keep, "msgid " + "\n".join(msgid_lines)]
        if plural:
            new.append("msgid_plural " + plural.group(1))
            forms = PLURALS.get(msgid)
            if not forms:
                missing.append(msgid)
                forms = ("", "")
            new += [f"msgstr[{i}] {po_string(f)}" for i, f in enumerate(forms)]
        else:
            if msgid not in DE:
                missing.append(msgid)
            new.append("msgstr " + po_string(DE.get(msgid, "")))
        out.append("\n".join(new))
    path.write_text("\n\n".join(out), encoding="utf-8")
    return missing


if __name__ == "__main__":
    missing = fill(Path(__file__).parent / "de" / "LC_MESSAGES" / "django.po")
    if missing:
        print("untranslated:", *missing, sep="\n  ")
        sys.exit(1)
