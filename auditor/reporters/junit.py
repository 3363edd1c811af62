"""JUnit XML: one test case per rule and policy, so GitLab and Jenkins show the whole checklist.

``fail`` is a ``<failure>`` (type = severity; a baselined failure has type ``baseline`` and stays
a failure: it is known, not fixed), ``error`` is an ``<error>``, and ``not_applicable``,
``manual`` and ``waived`` are ``<skipped>`` with the reason (the waiver's approver and expiry).
One ``<testsuite>`` per policy; the waiver register and baseline summary go in ``<system-out>``.
Control characters from the inputs are shown escaped (:mod:`auditor.files.textsafe`): most are not even
allowed in XML 1.0, and CI pages show these texts as they are.
"""

from __future__ import annotations

from collections.abc import Sequence
from xml.etree import ElementTree as ET

from auditor.audit.results import AuditResult, Outcome
from auditor.files.textsafe import printable, printable_lines
from auditor.i18n import language, pick, t
from auditor.reporters import ReportOptions
from auditor.reporters.sources import sources_text, tier_label


def _testcase(result: AuditResult, outcome: Outcome) -> ET.Element:
    from auditor.reporters.table import citation_line

    case = ET.Element(
        "testcase",
        {
            "classname": f"auditor.{outcome.area}",
            "name": f"{outcome.rule_id} {pick(outcome.title)}",
            "file": result.policy.file,
            "time": "0",
        },
    )
    if outcome.line:
        case.set("line", str(outcome.line))
    details = (
        f"{printable(pick(outcome.message))}\n{t('report.fix')}: {printable(pick(outcome.remediation))}\n"
        f"{t('report.sources')}: {printable(sources_text(outcome, language()))}"
        + (f"\n{t('report.tier')}: {tier_label(outcome, language())}" if outcome.tier == "statutory" else "")
    )
    for citation in outcome.citations:
        details += f"\n{citation_line(citation)}"
    where = printable(f"{result.policy.file}:{outcome.line}" if outcome.line else result.policy.file)
    if outcome.status == "fail":
        failure = ET.SubElement(
            case,
            "failure",
            {
                "message": pick(outcome.message),
                "type": "baseline" if outcome.baselined else outcome.severity,
            },
        )
        failure.text = f"{where}\n{details}"
    elif outcome.status == "error":
        error = ET.SubElement(case, "error", {"message": pick(outcome.message), "type": "error"})
        error.text = f"{where}\n{details}"
    elif outcome.status in ("not_applicable", "manual", "waived"):
        ET.SubElement(case, "skipped", {"message": f"{t(f'status.{outcome.status}')}: {pick(outcome.message)}"})
    elif outcome.evidence is not None or outcome.citations:  # a pass: say what it rests on
        out = ET.SubElement(case, "system-out")
        out.text = "\n".join(
            [*([pick(outcome.message)] if outcome.evidence and outcome.evidence.decided else [])]
            + [citation_line(citation) for citation in outcome.citations]
        )
    return case


def _suite(result: AuditResult) -> ET.Element:
    counts = result.summary.counts
    skipped = counts["not_applicable"] + counts["manual"] + counts["waived"]
    suite = ET.Element(
        "testsuite",
        {
            "name": f"{result.policy.file} ({result.policy.entity_name})",
            "tests": str(len(result.outcomes)),
            "failures": str(counts["fail"]),
            "errors": str(counts["error"]),
            "skipped": str(skipped),
            "time": "0",
            "timestamp": f"{result.audit_date.isoformat()}T00:00:00",
        },
    )
    properties = ET.SubElement(suite, "properties")
    for name, value in (
        ("entity", result.policy.entity_name),
        ("code", result.policy.entity_code),
        ("network_model", result.policy.network_model),
        ("audited_against", result.edition),
        ("sha256", result.policy.sha256),
    ):
        ET.SubElement(properties, "property", {"name": name, "value": value})
    for outcome in result.outcomes:
        suite.append(_testcase(result, outcome))
    from auditor.reporters.table import ci_blocks, evidence_blocks, rates_line, summary_line

    out = ET.SubElement(suite, "system-out")
    out.text = "\n\n".join([*evidence_blocks(result), *ci_blocks(result), summary_line(result), rates_line(result)])
    return suite


def render(results: Sequence[AuditResult], options: ReportOptions) -> str:
    """The JUnit XML document."""
    root = ET.Element("testsuites", {"name": "auditor"})
    totals = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
    for result in results:
        suite = _suite(result)
        for key in totals:
            totals[key] += int(suite.get(key, "0"))
        root.append(suite)
    for key, value in totals.items():
        root.set(key, str(value))
    for element in root.iter():  # attributes are one line each; texts are ours, their fields escaped above
        if element.text:
            element.text = printable_lines(element.text)
        for name, text in list(element.attrib.items()):
            element.set(name, printable(text))
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
