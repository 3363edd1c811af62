"""The rule catalogue as an OSCAL catalog, and OSCAL profiles per network model and edition.

Catalog: the guideline's chapters (:data:`~auditor.rules.rule.AREA_CHAPTERS`) are ``groups``,
rules are ``controls`` (the rule id is the control id), each rule's numeric thresholds are
``params`` (``MN-006_prm_1``: the declared value a check compares with), and each document a rule
cites (the guideline, a law, a standard, a secondary source: :mod:`auditor.rules.documents`) is a
back-matter ``resource`` its ``links`` point to, with the section (per edition for the guideline,
the article for a law) as the link text. Each control has the requirement (``statement``), the fix
(``guidance``), what is checked (``assessment-objective``, with the thresholds inserted) and how
(``assessment-method``: the declared file, or evidence for an auditor); level, severity, how solid
the encoding is, editions, network models and entity types are properties.

Profile: the controls that apply to one network model (and optionally one entity type) in one
edition, importing the catalog by ``catalog_href`` (the file ``auditor oscal catalog`` wrote).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
from collections.abc import Iterator, Sequence
from typing import Any

from auditor.audit.engine import MODEL_NAMES
from auditor.i18n import pick, translate
from auditor.i18n.values import edition_label
from auditor.reporters.oscal_common import document, line, metadata, prop, uuid_of
from auditor.reporters.view import lang_of
from auditor.rules import documents
from auditor.rules.conditions import describe
from auditor.rules.rule import ALL_ENTITIES, ALL_MODELS, AREA_CHAPTERS, All, AnyOf, Condition, Leaf, Not, Rule
from auditor.vocab import EDITIONS

THRESHOLD_OPERATORS = frozenset({"gte", "gt", "lte", "lt", "within_days"})


def digest(rules: Sequence[Rule]) -> str:
    """A SHA-256 of the rules' content: the catalog's identity (same rules, same identifiers)."""
    content = json.dumps([dataclasses.asdict(rule) for rule in rules], ensure_ascii=False, sort_keys=True, default=str)
    return hashlib.sha256(content.encode("utf-8")).hexdigest()


def thresholds(rule: Rule) -> list[tuple[str, Leaf]]:
    """``(param id, comparison)`` for each comparison of the rule's check with a fixed number."""
    found: list[tuple[str, Leaf]] = []

    def walk(condition: Condition | None) -> None:
        if isinstance(condition, Leaf):
            if condition.op in THRESHOLD_OPERATORS and condition.value is not None:
                found.append((f"{rule.id}_prm_{len(found) + 1}", condition))
        elif condition is not None:
            for child in _children(condition):
                walk(child)

    walk(rule.check)
    return found


def _inserted(condition: Condition, names: dict[int, str]) -> Condition:
    """``condition`` with each threshold replaced by OSCAL's insertion of its parameter."""
    if isinstance(condition, Leaf):
        name = names.get(id(condition))
        return dataclasses.replace(condition, value=f"{{{{ insert: param, {name} }}}}") if name else condition
    if isinstance(condition, All):
        return All(all=[_inserted(part, names) for part in condition.all])
    if isinstance(condition, AnyOf):
        return AnyOf(any=[_inserted(part, names) for part in condition.any])
    assert isinstance(condition, Not)
    return Not(not_=_inserted(condition.not_, names))


def _children(condition: Condition) -> list[Condition]:
    if isinstance(condition, All):
        return condition.all
    if isinstance(condition, AnyOf):
        return condition.any
    return [condition.not_] if isinstance(condition, Not) else []


def source_resource(document_id: str, lang: str) -> dict[str, Any]:
    """The back-matter resource of one cited document (cited, not reproduced: the text is its issuer's)."""
    found = documents.document(document_id)
    if found is None:  # a rule pack citing a document the registry does not know
        return {"uuid": uuid_of("source", document_id), "title": line(document_id)}
    title = pick(found.title, lang)
    props = [prop("kind", found.kind), prop("publisher", pick(found.issuer, lang))]
    if found.date:
        props.append(prop("issued", found.date))
    props += [prop("edition", f"{edition} ({date})", cls=edition) for edition, date in found.editions.items()]
    resource: dict[str, Any] = {
        "uuid": uuid_of("source", document_id),
        "title": line(title),
        "props": props,
        "citation": {"text": line(f"{pick(found.issuer, lang)}「{title}」")},
    }
    if found.url:
        resource["rlinks"] = [{"href": found.url}]
    return resource


def _links(rule: Rule, lang: str) -> Iterator[dict[str, Any]]:
    """One link per source of the rule (per edition for the guideline, whose numbering moved)."""
    for source in rule.sources:
        href = f"#{uuid_of('source', source.document)}"
        if source.editions:
            for edition in source.editions:
                text = f"{edition} {documents.label(source, edition, lang)}"
                yield {"href": href, "rel": "reference", "text": line(text)}
        else:
            yield {"href": href, "rel": "reference", "text": line(documents.label(source, None, lang))}


def control(rule: Rule, lang: str) -> dict[str, Any]:
    """One rule as an OSCAL control."""
    params = thresholds(rule)
    text = pick(rule.title.as_dict(), lang)
    if rule.check is not None:
        names = {id(leaf): pid for pid, leaf in params}
        objective = translate("oscal.objective.automated", lang, condition=describe(_inserted(rule.check, names)))
        method = translate("oscal.method.automated", lang)
    else:
        evidence = pick(rule.manual.evidence.as_dict(), lang) if rule.manual else ""
        objective = translate("oscal.objective.manual", lang, evidence=evidence)
        method = translate("oscal.method.manual", lang)
    applies = rule.applies_to
    props = [
        prop("label", rule.id, standard=True),
        prop("level", rule.level),
        prop("severity", rule.severity),
        prop("evidence", rule.evidence()),
        prop("tier", rule.tier()),
        prop("check", "automated" if rule.check is not None else "manual"),
        *(prop("section", rule.section_in(edition), cls=edition) for edition in rule.editions()),
        *(prop("edition", edition) for edition in rule.editions()),
        *(prop("network-model", model) for model in applies.models if set(applies.models) != set(ALL_MODELS)),
        *(prop("entity-type", entity) for entity in applies.entities if set(applies.entities) != set(ALL_ENTITIES)),
    ]
    if applies.when_text is not None:
        props.append(prop("applies-when", pick(applies.when_text.as_dict(), lang)))
    elif applies.when is not None:
        props.append(prop("applies-when", describe(applies.when)))
    return {
        "id": rule.id,
        "class": "requirement",
        "title": line(text),
        "params": [
            {
                "id": pid,
                "label": leaf.path,
                "props": [prop("operator", leaf.op), prop("path", leaf.path)],
                "values": [json.dumps(leaf.value) if not isinstance(leaf.value, str) else leaf.value],
            }
            for pid, leaf in params
        ],
        "props": props,
        "links": list(_links(rule, lang)),
        "parts": [
            {"id": f"{rule.id}_smt", "name": "statement", "prose": pick(rule.description.as_dict(), lang)},
            {"id": f"{rule.id}_gdn", "name": "guidance", "prose": pick(rule.remediation.as_dict(), lang)},
            {"id": f"{rule.id}_obj", "name": "assessment-objective", "prose": objective},
            {
                "id": f"{rule.id}_mth",
                "name": "assessment-method",
                "props": [prop("method", "EXAMINE")],
                "prose": method,
            },
        ],
    }


def catalog(rules: Sequence[Rule], *, lang: str, today: dt.date) -> str:
    """The OSCAL catalog of ``rules`` (the whole catalogue, every edition) in ``lang``."""
    guideline = translate("oscal.guideline", lang)
    by_area: dict[str, list[Rule]] = {}
    for rule in rules:
        by_area.setdefault(rule.area, []).append(rule)
    groups = [
        {
            "id": area,
            "class": "chapter",
            "title": line(pick(title, lang)),
            "props": [prop("sort-id", f"{order:02d}", standard=True)],
            "controls": [control(rule, lang) for rule in by_area[area]],
        }
        for area, (order, title) in sorted(AREA_CHAPTERS.items(), key=lambda item: item[1][0])
        if area in by_area
    ]
    cited = sorted({edition for rule in rules for edition in rule.editions()}, key=EDITIONS.index)
    body = {
        "uuid": uuid_of("catalog", lang, digest(rules)),
        "metadata": metadata(
            translate("oscal.catalog.title", lang, guideline=guideline),
            today,
            lang,
            props=[prop("rule-count", len(rules)), *(prop("edition", edition) for edition in cited)],
            remarks=translate("oscal.catalog.remarks", lang),
        ),
        "groups": groups,
        "back-matter": {"resources": [source_resource(item, lang) for item in sorted(documents.cited(rules))]},
    }
    return document("catalog", body)


def profile(
    rules: Sequence[Rule],
    *,
    model: str,
    edition: str,
    entity: str | None,
    lang: str,
    today: dt.date,
    catalog_href: str,
) -> str:
    """The OSCAL profile selecting the controls of ``model`` in ``edition`` (and ``entity``, when given)."""
    chosen = [
        rule.id
        for rule in rules
        if edition in rule.editions()
        and model in rule.applies_to.models
        and (entity is None or entity in rule.applies_to.entities)
    ]
    entities = translate(f"entity.{entity}", lang) if entity else translate("oscal.profile.entities.all", lang)
    title = translate(
        "oscal.profile.title",
        lang,
        model=MODEL_NAMES.get(model, model),
        edition=edition_label(edition, lang_of(lang)),
        entities=entities,
    )
    resource = uuid_of("catalog-reference", lang, digest(rules))
    body = {
        "uuid": uuid_of("profile", model, edition, entity or "*", lang, digest(rules)),
        "metadata": metadata(
            title,
            today,
            lang,
            props=[
                prop("network-model", model),
                prop("edition", edition),
                *([prop("entity-type", entity)] if entity else []),
            ],
        ),
        "imports": [{"href": f"#{resource}", "include-controls": [{"with-ids": chosen}]}],
        "merge": {"as-is": True},
        "back-matter": {
            "resources": [
                {
                    "uuid": resource,
                    "title": line(translate("oscal.catalog.resource", lang)),
                    "rlinks": [{"href": catalog_href, "media-type": "application/oscal.catalog+json"}],
                }
            ]
        },
    }
    return document("profile", body)
