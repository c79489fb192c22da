#!/usr/bin/env python3
"""Builds rules/register/persons.jsonl from the ParlaMint-NL person and organisation registers.

Input:  ParlaMint-NL-listPerson.xml and ParlaMint-NL-listOrg.xml (TEI), by default from
        ../shared/data/ beside the repository (see that folder's README.md).
Output: one JSON object per person and line, sorted by id (see rules/register/README.md).

Usage:  /usr/bin/python3 scripts/parlamint_to_rules.py [--data DIR] [--out FILE] [--rules DIR]

Stdlib only. The output depends only on the input files and the tables below, so running it
twice gives the same bytes. Warnings (unknown party groups, ids missing from the gazetteer)
go to stderr; the exit code is 1 only when an input cannot be read or parsed.
"""
import argparse
import json
import sys
import unicodedata
import xml.etree.ElementTree as ET
from pathlib import Path

TEI = "{http://www.tei-c.org/ns/1.0}"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

ROOT = Path(__file__).resolve().parent.parent
SOURCE = "ParlaMint-NL 4.0 (CC BY 4.0), hdl.handle.net/11356/1859"

# ParlaMint party and group ids -> the ids of rules/gazetteer/parties.jsonl.
PARTY_IDS = {
    "party.VVD": "party:vvd",
    "party.PvdA": "party:pvda",
    "party.CDA": "party:cda",
    "party.D66": "party:d66",
    "party.GroenLinks": "party:groenlinks",
    "party.SP": "party:sp",
    "party.PVV": "party:pvv",
    "party.ChristenUnie": "party:christenunie",
    "party.SGP": "party:sgp",
    "party.PvdD": "party:pvdd",
    "party.50PLUS": "party:50plus",
    "party.DENK": "party:denk",
    "party.FvD": "party:fvd",
    "party.JA21": "party:ja21",
    "party.VOLT": "party:volt",
    "party.BBB": "party:bbb",
    "party.BIJ1": "party:bij1",
    "party.OSF": "party:osf",
    "party.NieuweWegen": "party:nieuwe-wegen",
    "party.GroepKuzu-Öztürk": "party:groep-kuzu-ozturk",
    "party.GroepBontes-VanKlaveren": "party:groep-bontes-van-klaveren",
    "party.Bontes": "party:lid-bontes",
    "party.VanVliet": "party:lid-van-vliet",
    "party.Houwers": "party:lid-houwers",
    "party.Monasch": "party:lid-monasch",
    "party.Klein": "party:lid-klein",
    "party.VanHaga": "party:groep-van-haga",
    "party.vanPareren": "party:fractie-van-pareren",
    # "Lid Van Kooten-Arissen" (2019) and "Fractie Van Kooten-Arissen" (2020-2021) are one
    # member's group before and after Groep Krol/Van Kooten-Arissen.
    "party.vKA": "party:lid-van-kooten-arissen",
    "party.VanKooten-Arissen": "party:lid-van-kooten-arissen",
    "party.GKVK": "party:groep-krol-van-kooten-arissen",
    "party.Krol": "party:lid-krol",
    "party.Omtzigt": "party:lid-omtzigt",
    "party.DenHaan": "party:lid-den-haan",
    "party.Gündoğan": "party:lid-gundogan",
}

# ParlaMint ministry ids -> the ids of rules/gazetteer/ministries.jsonl.
MINISTRY_IDS = {
    "ministry.AZ": "org:min-az",
    "ministry.BZK": "org:min-bzk",
    "ministry.BZ": "org:min-bz",
    "ministry.DEF": "org:min-def",
    "ministry.EZK": "org:min-ezk",
    "ministry.FIN": "org:min-fin",
    "ministry.IENW": "org:min-ienw",
    "ministry.LNV": "org:min-lnv",
    "ministry.OCW": "org:min-ocw",
    "ministry.SZW": "org:min-szw",
    "ministry.JENV": "org:min-jenv",
    "ministry.VWS": "org:min-vws",
}

# ParlaMint names every ministry by its 2017 name, also for earlier cabinets (Opstelten,
# 2010-2015, is "Minister van Justitie en Veiligheid" there). These periods give the
# department as it was called then: [start, end) -> id. Dates outside them keep MINISTRY_IDS.
RUTTE_I = "2010-10-14"
RUTTE_II = "2012-11-05"
RUTTE_III = "2017-10-26"
MINISTRY_PERIODS = {
    "ministry.EZK": [(None, RUTTE_I, "org:min-ez"), (RUTTE_I, RUTTE_II, "org:min-eleni"),
                     (RUTTE_II, RUTTE_III, "org:min-ez")],
    "ministry.LNV": [(RUTTE_I, RUTTE_II, "org:min-eleni"), (RUTTE_II, RUTTE_III, "org:min-ez")],
    "ministry.JENV": [(None, RUTTE_I, "org:min-jus"), (RUTTE_I, RUTTE_III, "org:min-venj")],
    "ministry.IENW": [(None, RUTTE_I, "org:min-venw"), (RUTTE_I, RUTTE_III, "org:min-ienm")],
}

# Department names, to correct role names such as "Minister van Economische Zaken en Klimaat"
# for 2012-2017 to "Minister van Economische Zaken" when the period remaps the ministry.
DEPARTMENTS = {
    "org:min-ezk": "Economische Zaken en Klimaat", "org:min-ez": "Economische Zaken",
    "org:min-eleni": "Economische Zaken, Landbouw en Innovatie",
    "org:min-lnv": "Landbouw, Natuur en Voedselkwaliteit",
    "org:min-jenv": "Justitie en Veiligheid", "org:min-venj": "Veiligheid en Justitie",
    "org:min-jus": "Justitie", "org:min-ienw": "Infrastructuur en Waterstaat",
    "org:min-ienm": "Infrastructuur en Milieu", "org:min-venw": "Verkeer en Waterstaat",
}

OTHER_ORGS = {"TK": "tk", "EK": "ek", "GOV": "gov"}

# Known errors in the source (see ../shared/data/README.md), keyed by the person's n.
# Same-name duplicates (195/563, 392/463, 243/291) are merged by the generic rule below.
MERGE_INTO = {"579": "536"}  # "van Ginnekelen" is a typo and duplicate of Lisa van Ginneken
CORRECTIONS = {
    "543": {"forename": "Caspar"},      # "Caspaer", xml:id casparvandenBerg
    "544": {"forename": "Jonathan"},    # "Jonothan", xml:id JonathanSoeharno
    "517": {"forename": ""},            # "Mevrouw" is "Mrs", not a forename
    "457": {"surname": "Mc William"},   # "Mc. William"
}

# Dutch surname prefixes (tussenvoegsels) that sorting skips: "van der Wal" sorts under W.
PARTICLES = {"van", "de", "der", "den", "het", "'t", "te", "ter", "ten", "in", "op", "aan", "bij",
             "uit", "onder", "voor", "over", "tot", "d'", "von", "zu", "vom", "du", "des", "la",
             "le", "di", "da", "del", "dos", "das"}

ASCII_EXTRA = {"ı": "i", "ø": "o", "æ": "ae", "œ": "oe", "ß": "ss", "ł": "l", "đ": "d", "ð": "d",
               "þ": "th"}


def ascii_fold(s):
    s = "".join(ASCII_EXTRA.get(c, c) for c in s.lower())
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if not unicodedata.combining(c))


def slug(s):
    out, dash = [], False
    for c in ascii_fold(s):
        if "a" <= c <= "z" or "0" <= c <= "9":
            out.append(c)
            dash = False
        elif not dash and out:
            out.append("-")
            dash = True
    return "".join(out).strip("-")


def split_particles(surname):
    """("van der Wal-Zeggelink") -> ("van der", "Wal-Zeggelink"); the last word is never a particle."""
    words = surname.split()
    k = 0
    while k < len(words) - 1 and words[k].lower() in PARTICLES:
        k += 1
    return " ".join(words[:k]), " ".join(words[k:])


def text(el):
    return (el.text or "").strip() if el is not None else ""


def warn(msg):
    print("warning: " + msg, file=sys.stderr)


def read_orgs(path):
    """xml:id -> Dutch (or first) full name, for ids that the tables do not know."""
    names = {}
    for org in ET.parse(path).getroot().iter(TEI + "org"):
        full = [n for n in org.findall(TEI + "orgName") if n.get("full") == "yes"]
        nl = [n for n in full if n.get(XML_LANG) in (None, "nl")]
        names[org.get(XML_ID)] = text((nl or full)[0]) if full else org.get(XML_ID)
    return names


def ministry_spans(ref, frm, to):
    """Splits [frm, to) over MINISTRY_PERIODS; returns [(frm, to, id)]."""
    default = MINISTRY_IDS[ref]
    periods = MINISTRY_PERIODS.get(ref)
    if not periods or frm is None:
        return [(frm, to, default)]
    cuts = sorted({d for p in periods for d in p[:2] if d and frm < d and (to is None or d < to)})
    bounds = [frm] + cuts + [to]
    spans = []
    for a, b in zip(bounds, bounds[1:]):
        org = default
        for start, end, pid in periods:
            if (start is None or start <= a) and (end is None or a < end):
                org = pid
        spans.append((a, b, org))
    return spans


class Converter:
    def __init__(self, org_names, known_ids):
        self.org_names = org_names
        self.known_ids = known_ids
        self.unknown_parties = {}
        self.remapped = 0

    def org_id(self, ref):
        key = ref.lstrip("#")
        if key in OTHER_ORGS:
            return OTHER_ORGS[key]
        if key in PARTY_IDS:
            return PARTY_IDS[key]
        if key.startswith("party."):
            pid = "party:" + slug(self.org_names.get(key, key[len("party."):]))
            self.unknown_parties[key] = pid
            return pid
        warn(f"unknown organisation ref {ref}")
        return "parlamint:" + key

    def affiliations(self, person):
        out = []
        for a in person.findall(TEI + "affiliation"):
            ref = a.get("ref", "").lstrip("#")
            frm, to = a.get("from"), a.get("to")
            role_name = next((text(r) for r in a.findall(TEI + "roleName") if r.get(XML_LANG) == "nl"),
                             "")
            if ref in MINISTRY_IDS:
                spans = ministry_spans(ref, frm, to)
                if any(org != MINISTRY_IDS[ref] for _, _, org in spans):
                    self.remapped += 1
            else:
                spans = [(frm, to, self.org_id(ref))]
            for f, t, org in spans:
                rec = {"role": a.get("role"), "org": org, "from": f, "to": t}
                if role_name:
                    rec["role_name"] = role_name
                if ref in MINISTRY_IDS and org != MINISTRY_IDS[ref]:
                    fix_role_name(rec, MINISTRY_IDS[ref], org)
                out.append(rec)
        # A minister at #GOV keeps org "gov"; the department comes from the ministry
        # affiliation (head or secretaryOfState) with the same dates.
        for rec in out:
            if rec["org"] == "gov" and rec["role"] == "minister":
                for m in out:
                    if (m["org"].startswith("org:min-") and m["role"] in ("head", "secretaryOfState")
                            and m["from"] == rec["from"] and m["to"] == rec["to"]):
                        rec["ministry"] = m["org"]
                        if "role_name" in m:
                            rec["role_name"] = m["role_name"]
                        break
        return out


def fix_role_name(rec, default_org, org):
    old, new = DEPARTMENTS.get(default_org), DEPARTMENTS.get(org)
    if old and new and rec.get("role_name") == "Minister van " + old:
        rec["role_name"] = "Minister van " + new


def merge_affiliations(lists):
    """Union without repeats; an undated affiliation is dropped when the same one has dates."""
    seen, out = set(), []
    for lst in lists:
        for a in lst:
            key = json.dumps(a, sort_keys=True, ensure_ascii=False)
            if key not in seen:
                seen.add(key)
                out.append(a)
    dated = {(a["role"], a["org"], a.get("role_name")) for a in out if a["from"] or a["to"]}
    out = [a for a in out
           if a["from"] or a["to"] or (a["role"], a["org"], a.get("role_name")) not in dated]
    out.sort(key=lambda a: (a["from"] or "", a["to"] or "9999", a["role"], a["org"]))
    return out


def convert(list_person, list_org, known_ids):
    conv = Converter(read_orgs(list_org), known_ids)
    raw = []
    for p in ET.parse(list_person).getroot().iter(TEI + "person"):
        n = p.get("n")
        name_el = p.find(TEI + "persName")
        rec = {
            "n": n,
            "xml_id": p.get(XML_ID),
            "surname": text(name_el.find(TEI + "surname")),
            "forename": text(name_el.find(TEI + "forename")),
            "sex": (p.find(TEI + "sex").get("value") if p.find(TEI + "sex") is not None else None),
            "wikipedia": next((text(i) for i in p.findall(TEI + "idno")
                               if i.get("subtype") == "wikimedia"), None),
            "affiliations": conv.affiliations(p),
            "notes": [],
        }
        for field, value in CORRECTIONS.get(n, {}).items():
            rec["notes"].append(f"{field} corrected from {rec[field]!r} in the source")
            rec[field] = value
        raw.append(rec)

    # Group duplicates: explicit merges first, then same folded forename + surname.
    groups, group_of = {}, {}
    for r in sorted(raw, key=lambda r: int(r["n"])):
        # MERGE_INTO targets have a lower n, so their group exists already.
        target = MERGE_INTO.get(r["n"])
        key = (group_of[target] if target
               else ("name", ascii_fold(r["forename"]), ascii_fold(r["surname"])))
        groups.setdefault(key, []).append(r)
        group_of[r["n"]] = key
    merges = [[m["n"] for m in g] for g in groups.values() if len(g) > 1]

    persons = []
    for members in groups.values():
        members.sort(key=lambda r: int(r["n"]))
        head = members[0]
        particles, sort_surname = split_particles(head["surname"])
        name = f"{head['forename']} {head['surname']}".strip()
        person = {
            "id": None,
            "surname": head["surname"],
            "forename": head["forename"],
            "sex": head["sex"] or next((m["sex"] for m in members if m["sex"]), None),
            "name": name,
            "sort_surname": sort_surname,
            "particles": particles,
            "wikipedia": next((m["wikipedia"] for m in members if m["wikipedia"]), None),
            "affiliations": merge_affiliations(m["affiliations"] for m in members),
            "parlamint": [m["xml_id"] for m in members],
            "source": SOURCE,
        }
        notes = [note for m in members for note in m["notes"]]
        if len(members) > 1:
            notes.append("merged ParlaMint duplicates n=" + ",".join(m["n"] for m in members))
        if notes:
            person["notes"] = notes
        persons.append((int(head["n"]), person))

    # Ids: person:<forename>-<surname>; distinct people with the same slug get -2, -3, ...
    by_slug = {}
    for n, person in sorted(persons, key=lambda x: x[0]):
        base = "person:" + slug(person["name"])
        count = by_slug.get(base, 0) + 1
        by_slug[base] = count
        person["id"] = base if count == 1 else f"{base}-{count}"
        if count > 1:
            warn(f"id collision: {person['name']} gets {person['id']}")

    for _, person in persons:
        for a in person["affiliations"]:
            org = a["org"]
            if known_ids and (org.startswith("party:") or org.startswith("org:")) and org not in known_ids:
                warn(f"{person['id']}: {org} is not in rules/gazetteer")
    out = sorted((p for _, p in persons), key=lambda p: p["id"])
    stats = {"persons_in": len(raw), "persons_out": len(out), "merges": merges,
             "unknown_parties": conv.unknown_parties, "ministry_affiliations_remapped": conv.remapped}
    return out, stats


def gazetteer_ids(rules_dir):
    ids = set()
    for path in sorted(Path(rules_dir, "gazetteer").glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("//"):
                ids.add(json.loads(line)["id"])
    return ids


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", default=str(ROOT.parent / "shared" / "data"),
                    help="folder with ParlaMint-NL-listPerson.xml and ParlaMint-NL-listOrg.xml")
    ap.add_argument("--out", default=str(ROOT / "rules" / "register" / "persons.jsonl"))
    ap.add_argument("--rules", default=str(ROOT / "rules"),
                    help="rules folder whose gazetteer ids the mapped ids are checked against")
    args = ap.parse_args()
    data = Path(args.data)
    try:
        known = gazetteer_ids(args.rules)
        persons, stats = convert(data / "ParlaMint-NL-listPerson.xml",
                                 data / "ParlaMint-NL-listOrg.xml", known)
    except (OSError, ET.ParseError, json.JSONDecodeError) as e:
        print(f"error: {e}", file=sys.stderr)
        return 1
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    with open(out, "w", encoding="utf-8", newline="\n") as f:
        for p in persons:
            f.write(json.dumps(p, ensure_ascii=False) + "\n")
    for key, pid in sorted(stats["unknown_parties"].items()):
        warn(f"party group {key} is not in PARTY_IDS; used {pid}")
    print(f"{stats['persons_in']} ParlaMint persons -> {stats['persons_out']} in {out}; "
          f"merged {stats['merges']}; {stats['ministry_affiliations_remapped']} ministry "
          f"affiliations mapped to the department's name of the time", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
