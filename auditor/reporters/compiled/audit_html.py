# Generated from auditor/reporters/templates/audit.html.j2 by scripts/compile_templates.py: do not edit.
# ruff: noqa
# mypy: ignore-errors
SOURCE_SHA256 = 'eed7add8269ee99f1b979b645e5e76e26b3460ebab8559ec985cbb38da2f8a54'
JINJA2_VERSION = '3.1.6'
from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'audit.html.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    parent_template = None
    pass
    parent_template = environment.get_template('base.html.j2', 'audit.html.j2')
    for name, parent_block in parent_template.blocks.items():
        context.blocks.setdefault(name, []).append(parent_block)
    yield from parent_template.root_render_func(context)

def block_body(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_reports = resolve('reports')
    pass
    for l_1_r in (undefined(name='reports') if l_0_reports is missing else l_0_reports):
        l_1_chapter_chart = resolve('chapter_chart')
        l_1_network_diagram = resolve('network_diagram')
        l_1_namespace = resolve('namespace')
        l_1_a = l_1_lp = l_1_rp = l_1_ns = missing
        _loop_vars = {}
        pass
        l_1_a = environment.getattr(l_1_r, 'anchor')
        _loop_vars['a'] = l_1_a
        (l_1_lp, l_1_rp) = (('（', '）') if (environment.getattr(l_1_r, 'lang') == 'ja') else (' (', ')'))
        _loop_vars.update({'lp': l_1_lp, 'rp': l_1_rp})
        yield '<div class="report" lang="'
        yield escape(environment.getattr(l_1_r, 'lang'))
        yield '">\n<section class="cover" id="'
        yield escape((undefined(name='a') if l_1_a is missing else l_1_a))
        yield '-cover">\n  <p class="doc-title">'
        yield escape(environment.getattr(l_1_r, 'title'))
        yield '</p>\n  <h1 class="entity">'
        yield escape(environment.getattr(l_1_r, 'entity_name'))
        yield '</h1>\n  <p class="subtitle">'
        yield escape(context.call(environment.getattr(l_1_r, 'label'), 'subtitle', _loop_vars=_loop_vars))
        yield '</p>\n  <div class="cover-rate">\n    <span class="cover-rate-value">'
        yield escape(environment.getattr(l_1_r, 'must_rate_label'))
        yield '</span>\n    <span class="cover-rate-label">'
        yield escape(context.call(environment.getattr(l_1_r, 'label'), 'summary.must_rate', _loop_vars=_loop_vars))
        yield '</span>\n  </div>\n  <table class="cover-meta">\n    <tbody>\n      <tr><th scope="row">'
        yield escape(context.call(environment.getattr(l_1_r, 'label'), 'cover.entity_code', _loop_vars=_loop_vars))
        yield '</th><td>'
        yield escape(environment.getattr(l_1_r, 'entity_code'))
        yield '</td></tr>\n      <tr><th scope="row">'
        yield escape(context.call(environment.getattr(l_1_r, 'label'), 'cover.entity_type', _loop_vars=_loop_vars))
        yield '</th><td>'
        yield escape(environment.getattr(l_1_r, 'entity_type'))
        yield '</td></tr>\n      <tr><th scope="row">'
        yield escape(context.call(environment.getattr(l_1_r, 'label'), 'cover.network_model', _loop_vars=_loop_vars))
        yield '</th><td>'
        yield escape(environment.getattr(l_1_r, 'model_label'))
        yield '</td></tr>\n      <tr><th scope="row">'
        yield escape(context.call(environment.getattr(l_1_r, 'label'), 'cover.audit_date', _loop_vars=_loop_vars))
        yield '</th><td>'
        yield escape(environment.getattr(l_1_r, 'audit_date'))
        yield '</td></tr>\n      <tr><th scope="row">'
        yield escape(context.call(environment.getattr(l_1_r, 'label'), 'cover.edition', _loop_vars=_loop_vars))
        yield '</th><td>'
        yield escape(environment.getattr(l_1_r, 'edition_label'))
        yield '</td></tr>\n      <tr><th scope="row">'
        yield escape(context.call(environment.getattr(l_1_r, 'label'), 'cover.policy_edition', _loop_vars=_loop_vars))
        yield '</th><td>'
        yield escape(environment.getattr(l_1_r, 'policy_edition_label'))
        yield '</td></tr>\n      <tr><th scope="row">'
        yield escape(context.call(environment.getattr(l_1_r, 'label'), 'cover.policy_file', _loop_vars=_loop_vars))
        yield '</th><td class="code">'
        yield escape(environment.getattr(l_1_r, 'policy_file'))
        yield '</td></tr>\n      <tr><th scope="row">'
        yield escape(context.call(environment.getattr(l_1_r, 'label'), 'cover.sha256', _loop_vars=_loop_vars))
        yield '</th><td class="code hash">'
        yield escape(environment.getattr(l_1_r, 'sha256'))
        yield '</td></tr>\n      <tr><th scope="row">'
        yield escape(context.call(environment.getattr(l_1_r, 'label'), 'cover.tool', _loop_vars=_loop_vars))
        yield '</th><td>auditor '
        yield escape(environment.getattr(l_1_r, 'tool_version'))
        yield '</td></tr>\n    </tbody>\n  </table>\n  <p class="generated">'
        yield escape(context.call(environment.getattr(l_1_r, 'label'), 'generated', version=environment.getattr(l_1_r, 'tool_version'), date=environment.getattr(l_1_r, 'audit_date'), _loop_vars=_loop_vars))
        yield '</p>\n</section>\n\n<nav class="toc" id="'
        yield escape((undefined(name='a') if l_1_a is missing else l_1_a))
        yield '-toc" aria-label="'
        yield escape(context.call(environment.getattr(l_1_r, 'label'), 'toc', _loop_vars=_loop_vars))
        yield '">\n  <h2 class="toc-title">'
        yield escape(context.call(environment.getattr(l_1_r, 'label'), 'toc', _loop_vars=_loop_vars))
        yield '</h2>\n  <ol>\n    <li><a href="#'
        yield escape((undefined(name='a') if l_1_a is missing else l_1_a))
        yield '-summary">'
        yield escape(context.call(environment.getattr(l_1_r, 'label'), 'summary', _loop_vars=_loop_vars))
        yield '</a></li>\n    <li><a href="#'
        yield escape((undefined(name='a') if l_1_a is missing else l_1_a))
        yield '-chart">'
        yield escape(context.call(environment.getattr(l_1_r, 'label'), 'chart', _loop_vars=_loop_vars))
        yield '</a></li>\n    <li><a href="#'
        yield escape((undefined(name='a') if l_1_a is missing else l_1_a))
        yield '-network">'
        yield escape(context.call(environment.getattr(l_1_r, 'label'), 'network', _loop_vars=_loop_vars))
        yield '</a></li>\n    <li><a href="#'
        yield escape((undefined(name='a') if l_1_a is missing else l_1_a))
        yield '-findings">'
        yield escape(context.call(environment.getattr(l_1_r, 'label'), 'findings', _loop_vars=_loop_vars))
        yield '</a>\n      <ol>\n'
        def t_1(fiter):
            for l_2_ch in fiter:
                if (environment.getattr(l_2_ch, 'findings') or environment.getattr(l_2_ch, 'manual')):
                    yield l_2_ch
        for l_2_ch in t_1(environment.getattr(l_1_r, 'chapters')):
            _loop_vars = {}
            pass
            yield '        <li><a href="#'
            yield escape((undefined(name='a') if l_1_a is missing else l_1_a))
            yield '-ch-'
            yield escape(environment.getattr(l_2_ch, 'area'))
            yield '">'
            yield escape(environment.getattr(l_2_ch, 'title'))
            yield '</a></li>\n'
        l_2_ch = missing
        yield '      </ol>\n    </li>\n    <li><a href="#'
        yield escape((undefined(name='a') if l_1_a is missing else l_1_a))
        yield '-waivers">'
        yield escape(context.call(environment.getattr(l_1_r, 'label'), 'waivers', _loop_vars=_loop_vars))
        yield '</a></li>\n    <li><a href="#'
        yield escape((undefined(name='a') if l_1_a is missing else l_1_a))
        yield '-na">'
        yield escape(context.call(environment.getattr(l_1_r, 'label'), 'not_applicable', _loop_vars=_loop_vars))
        yield '</a></li>\n    <li><a href="#'
        yield escape((undefined(name='a') if l_1_a is missing else l_1_a))
        yield '-appendix">'
        yield escape(context.call(environment.getattr(l_1_r, 'label'), 'appendix', _loop_vars=_loop_vars))
        yield '</a></li>\n  </ol>\n</nav>\n\n<section class="chapter" id="'
        yield escape((undefined(name='a') if l_1_a is missing else l_1_a))
        yield '-summary">\n  <h2>'
        yield escape(context.call(environment.getattr(l_1_r, 'label'), 'summary', _loop_vars=_loop_vars))
        yield '</h2>\n  <div class="kpis">\n    <div class="kpi kpi-rate">\n      <div class="kpi-value">'
        yield escape(environment.getattr(l_1_r, 'must_rate_label'))
        yield '</div>\n      <div class="kpi-label">'
        yield escape(context.call(environment.getattr(l_1_r, 'label'), 'summary.must_rate', _loop_vars=_loop_vars))
        yield '</div>\n      <div class="kpi-sub">'
        yield escape(context.call(environment.getattr(l_1_r, 'label'), 'summary.must_rate_waivers', rate=environment.getattr(l_1_r, 'must_rate_with_waivers_label'), _loop_vars=_loop_vars))
        yield '</div>\n    </div>\n    <div class="kpi-counts">\n    <table class="counts">\n      <caption>'
        yield escape(context.call(environment.getattr(l_1_r, 'label'), 'summary.counts', _loop_vars=_loop_vars))
        yield '</caption>\n      <thead><tr>'
        for (l_2_status, l_2_label) in context.call(environment.getattr(environment.getattr(l_1_r, 'status_labels'), 'items'), _loop_vars=_loop_vars):
            _loop_vars = {}
            pass
            yield '<th scope="col" class="status-'
            yield escape(l_2_status)
            yield '">'
            yield escape(l_2_label)
            yield '</th>'
        l_2_status = l_2_label = missing
        yield '</tr></thead>\n      <tbody><tr>'
        for l_2_status in environment.getattr(l_1_r, 'status_labels'):
            _loop_vars = {}
            pass
            yield '<td class="num">'
            yield escape(environment.getitem(environment.getattr(l_1_r, 'counts'), l_2_status))
            yield '</td>'
        l_2_status = missing
        yield '</tr></tbody>\n    </table>\n    </div>\n  </div>\n  <p class="note">'
        yield escape(context.call(environment.getattr(l_1_r, 'label'), 'summary.rate_note', _loop_vars=_loop_vars))
        yield '</p>\n'
        if environment.getattr(l_1_r, 'statutory_line'):
            pass
            yield '<p class="note statutory">'
            yield escape(environment.getattr(l_1_r, 'statutory_line'))
            yield '</p>'
        yield '\n  <h3>'
        yield escape(context.call(environment.getattr(l_1_r, 'label'), 'summary.by_severity', _loop_vars=_loop_vars))
        yield '</h3>\n  <table class="severity">\n    <thead><tr><th scope="col">'
        yield escape(context.call(environment.getattr(l_1_r, 'label'), 'col.severity', _loop_vars=_loop_vars))
        yield '</th><th scope="col">'
        yield escape(context.call(environment.getattr(l_1_r, 'label'), 'level.must', _loop_vars=_loop_vars))
        yield '</th><th scope="col">'
        yield escape(context.call(environment.getattr(l_1_r, 'label'), 'level.should', _loop_vars=_loop_vars))
        yield '</th><th scope="col">'
        yield escape(context.call(environment.getattr(l_1_r, 'label'), 'col.total', _loop_vars=_loop_vars))
        yield '</th></tr></thead>\n    <tbody>\n'
        for l_2_row in environment.getattr(l_1_r, 'by_severity'):
            _loop_vars = {}
            pass
            yield '      <tr class="sev-'
            yield escape(environment.getattr(l_2_row, 'severity'))
            yield '"><th scope="row"><span class="sev sev-'
            yield escape(environment.getattr(l_2_row, 'severity'))
            yield '">'
            yield escape(environment.getattr(l_2_row, 'label'))
            yield '</span></th><td class="num">'
            yield escape(environment.getattr(l_2_row, 'must'))
            yield '</td><td class="num">'
            yield escape(environment.getattr(l_2_row, 'should'))
            yield '</td><td class="num">'
            yield escape(environment.getattr(l_2_row, 'total'))
            yield '</td></tr>\n'
        l_2_row = missing
        yield '    </tbody>\n  </table>\n\n  <h3>'
        yield escape(context.call(environment.getattr(l_1_r, 'label'), 'summary.urgent', _loop_vars=_loop_vars))
        yield '</h3>\n'
        if environment.getattr(l_1_r, 'urgent'):
            pass
            yield '  <ol class="urgent">\n'
            for l_2_f in environment.getattr(l_1_r, 'urgent'):
                _loop_vars = {}
                pass
                yield '    <li>\n      <p class="urgent-head"><span class="sev sev-'
                yield escape(environment.getattr(l_2_f, 'severity'))
                yield '">'
                yield escape(environment.getattr(l_2_f, 'severity_label'))
                yield '</span> <span class="rule-id">'
                yield escape(environment.getattr(l_2_f, 'rule_id'))
                yield '</span> '
                yield escape(environment.getattr(l_2_f, 'title'))
                yield '</p>\n      <p class="urgent-fix">'
                yield escape(environment.getattr(l_2_f, 'remediation'))
                yield '</p>\n      <p class="urgent-where">'
                yield escape(environment.getattr(l_2_f, 'sources'))
                if environment.getattr(l_2_f, 'location'):
                    pass
                    yield ' ・ <span class="code">'
                    yield escape(environment.getattr(l_2_f, 'location'))
                    yield '</span>'
                yield '</p>\n    </li>\n'
            l_2_f = missing
            yield '  </ol>\n'
        else:
            pass
            yield '  <p class="empty">'
            yield escape(context.call(environment.getattr(l_1_r, 'label'), 'summary.no_failures', _loop_vars=_loop_vars))
            yield '</p>\n'
        yield '</section>\n\n<section class="chapter" id="'
        yield escape((undefined(name='a') if l_1_a is missing else l_1_a))
        yield '-chart">\n  <h2>'
        yield escape(context.call(environment.getattr(l_1_r, 'label'), 'chart', _loop_vars=_loop_vars))
        yield '</h2>\n  <figure class="chart">\n    '
        yield escape(context.call((undefined(name='chapter_chart') if l_1_chapter_chart is missing else l_1_chapter_chart), l_1_r, _loop_vars=_loop_vars))
        yield '\n    <figcaption>'
        yield escape(context.call(environment.getattr(l_1_r, 'label'), 'chart.caption', _loop_vars=_loop_vars))
        yield '</figcaption>\n  </figure>\n</section>\n\n<section class="chapter" id="'
        yield escape((undefined(name='a') if l_1_a is missing else l_1_a))
        yield '-network">\n  <h2>'
        yield escape(context.call(environment.getattr(l_1_r, 'label'), 'network', _loop_vars=_loop_vars))
        yield '</h2>\n  <figure class="diagram">\n    '
        yield escape(context.call((undefined(name='network_diagram') if l_1_network_diagram is missing else l_1_network_diagram), l_1_r, _loop_vars=_loop_vars))
        yield '\n    <figcaption>'
        yield escape(context.call(environment.getattr(l_1_r, 'label'), 'network.caption', model=environment.getattr(l_1_r, 'model_label'), _loop_vars=_loop_vars))
        yield '</figcaption>\n  </figure>\n</section>\n\n<section class="chapter findings" id="'
        yield escape((undefined(name='a') if l_1_a is missing else l_1_a))
        yield '-findings">\n  <h2>'
        yield escape(context.call(environment.getattr(l_1_r, 'label'), 'findings', _loop_vars=_loop_vars))
        yield '</h2>\n'
        l_1_ns = context.call((undefined(name='namespace') if l_1_namespace is missing else l_1_namespace), any=False, _loop_vars=_loop_vars)
        _loop_vars['ns'] = l_1_ns
        def t_2(fiter):
            for l_2_ch in fiter:
                if (environment.getattr(l_2_ch, 'findings') or environment.getattr(l_2_ch, 'manual')):
                    yield l_2_ch
        for l_2_ch in t_2(environment.getattr(l_1_r, 'chapters')):
            _loop_vars = {}
            pass
            if not isinstance(l_1_ns, Namespace):
                raise TemplateRuntimeError("cannot assign attribute on non-namespace object")
            l_1_ns['any'] = True
            yield '  <section class="area" id="'
            yield escape((undefined(name='a') if l_1_a is missing else l_1_a))
            yield '-ch-'
            yield escape(environment.getattr(l_2_ch, 'area'))
            yield '">\n    <h3>'
            yield escape(environment.getattr(l_2_ch, 'title'))
            yield ' <span class="tally">'
            yield escape(environment.getitem(environment.getattr(l_1_r, 'status_labels'), 'fail'))
            yield ' '
            yield escape((environment.getitem(environment.getattr(l_2_ch, 'counts'), 'fail') + environment.getitem(environment.getattr(l_2_ch, 'counts'), 'error')))
            yield ' ／ '
            yield escape(environment.getitem(environment.getattr(l_1_r, 'status_labels'), 'manual'))
            yield ' '
            yield escape(environment.getitem(environment.getattr(l_2_ch, 'counts'), 'manual'))
            yield '</span></h3>\n'
            for l_3_f in environment.getattr(l_2_ch, 'findings'):
                _loop_vars = {}
                pass
                yield '    <article class="finding sev-'
                yield escape(environment.getattr(l_3_f, 'severity'))
                yield '" id="'
                yield escape((undefined(name='a') if l_1_a is missing else l_1_a))
                yield '-f-'
                yield escape(environment.getattr(l_3_f, 'rule_id'))
                yield '">\n      <header>\n        <span class="badge status-'
                yield escape(environment.getattr(l_3_f, 'status'))
                yield '">'
                yield escape(environment.getattr(l_3_f, 'status_label'))
                yield '</span>\n        <span class="rule-id">'
                yield escape(environment.getattr(l_3_f, 'rule_id'))
                yield '</span>\n        <span class="finding-title">'
                yield escape(environment.getattr(l_3_f, 'title'))
                yield '</span>\n      </header>\n      <p class="finding-meta"><span class="sev sev-'
                yield escape(environment.getattr(l_3_f, 'severity'))
                yield '">'
                yield escape(environment.getattr(l_3_f, 'severity_label'))
                yield '</span> '
                yield escape(environment.getattr(l_3_f, 'level_label'))
                if (environment.getattr(l_3_f, 'tier') == 'statutory'):
                    pass
                    yield ' ・ '
                    yield escape(environment.getattr(l_3_f, 'tier_label'))
                yield '</p>\n      <p class="finding-sources"><span class="k">'
                yield escape(context.call(environment.getattr(l_1_r, 'label'), 'sources', _loop_vars=_loop_vars))
                yield '</span>'
                yield escape(environment.getattr(l_3_f, 'sources'))
                yield '</p>\n      <div class="facts">\n        <p class="fact"><span class="k">'
                yield escape(context.call(environment.getattr(l_1_r, 'label'), 'field.declared', _loop_vars=_loop_vars))
                yield '</span><b>'
                yield escape(environment.getattr(l_3_f, 'declared'))
                yield '</b></p>\n        <p class="fact"><span class="k">'
                yield escape(context.call(environment.getattr(l_1_r, 'label'), 'field.expected', _loop_vars=_loop_vars))
                yield '</span><b>'
                yield escape(environment.getattr(l_3_f, 'expected'))
                yield '</b></p>\n        <p class="fact"><span class="k">'
                yield escape(context.call(environment.getattr(l_1_r, 'label'), 'field.location', _loop_vars=_loop_vars))
                yield '</span><span class="code">'
                yield escape((environment.getattr(l_3_f, 'location') or environment.getattr(l_1_r, 'policy_file')))
                yield '</span>'
                if environment.getattr(l_3_f, 'path'):
                    pass
                    yield ' <span class="code path">'
                    yield escape(environment.getattr(l_3_f, 'path'))
                    yield '</span>'
                yield '</p>\n        <p class="fact"><span class="k">'
                yield escape(context.call(environment.getattr(l_1_r, 'label'), 'field.detail', _loop_vars=_loop_vars))
                yield '</span>'
                yield escape(environment.getattr(l_3_f, 'message'))
                yield '</p>\n        <p class="fact fix"><span class="k">'
                yield escape(context.call(environment.getattr(l_1_r, 'label'), 'field.remediation', _loop_vars=_loop_vars))
                yield '</span>'
                yield escape(environment.getattr(l_3_f, 'remediation'))
                yield '</p>\n      </div>\n    </article>\n'
            l_3_f = missing
            if environment.getattr(l_2_ch, 'manual'):
                pass
                yield '    <h4>'
                yield escape(context.call(environment.getattr(l_1_r, 'label'), 'findings.manual', _loop_vars=_loop_vars))
                yield '</h4>\n    <div class="rows manual">\n'
                for l_3_f in environment.getattr(l_2_ch, 'manual'):
                    _loop_vars = {}
                    pass
                    yield '      <p class="row">'
                    yield escape(environment.getattr(l_3_f, 'rule_id'))
                    yield '\u3000'
                    yield escape(environment.getattr(l_3_f, 'title'))
                    yield escape((undefined(name='lp') if l_1_lp is missing else l_1_lp))
                    yield escape(environment.getattr(l_3_f, 'level_label'))
                    yield '・'
                    yield escape(environment.getattr(l_3_f, 'severity_label'))
                    yield escape((undefined(name='rp') if l_1_rp is missing else l_1_rp))
                    yield '<br>'
                    yield escape(environment.getattr(l_3_f, 'message'))
                    yield '</p>\n'
                l_3_f = missing
                yield '    </div>\n'
            yield '  </section>\n'
        l_2_ch = missing
        if (not environment.getattr((undefined(name='ns') if l_1_ns is missing else l_1_ns), 'any')):
            pass
            yield '  <p class="empty">'
            yield escape(context.call(environment.getattr(l_1_r, 'label'), 'findings.none', _loop_vars=_loop_vars))
            yield '</p>\n'
        yield '</section>\n\n<section class="chapter" id="'
        yield escape((undefined(name='a') if l_1_a is missing else l_1_a))
        yield '-waivers">\n  <h2>'
        yield escape(context.call(environment.getattr(l_1_r, 'label'), 'waivers', _loop_vars=_loop_vars))
        yield '</h2>\n'
        if environment.getattr(l_1_r, 'waivers'):
            pass
            yield '  <table class="list waivers">\n    <colgroup><col class="c-id"><col class="c-title"><col class="c-state"><col class="c-wide"><col class="c-who"><col class="c-date"><col class="c-date"></colgroup>\n    <thead><tr><th scope="col">'
            yield escape(context.call(environment.getattr(l_1_r, 'label'), 'col.id', _loop_vars=_loop_vars))
            yield '</th><th scope="col">'
            yield escape(context.call(environment.getattr(l_1_r, 'label'), 'col.requirement', _loop_vars=_loop_vars))
            yield '</th><th scope="col">'
            yield escape(context.call(environment.getattr(l_1_r, 'label'), 'col.status', _loop_vars=_loop_vars))
            yield '</th><th scope="col">'
            yield escape(context.call(environment.getattr(l_1_r, 'label'), 'waivers.justification', _loop_vars=_loop_vars))
            yield '</th><th scope="col">'
            yield escape(context.call(environment.getattr(l_1_r, 'label'), 'waivers.approver', _loop_vars=_loop_vars))
            yield '</th><th scope="col">'
            yield escape(context.call(environment.getattr(l_1_r, 'label'), 'waivers.approved_on', _loop_vars=_loop_vars))
            yield '</th><th scope="col">'
            yield escape(context.call(environment.getattr(l_1_r, 'label'), 'waivers.expires_on', _loop_vars=_loop_vars))
            yield '</th></tr></thead>\n    <tbody>\n'
            for l_2_w in environment.getattr(l_1_r, 'waivers'):
                _loop_vars = {}
                pass
                yield '      <tr class="'
                yield escape(('attention' if environment.getattr(l_2_w, 'attention') else 'ok'))
                yield '"><td class="rule-id">'
                yield escape(environment.getattr(l_2_w, 'rule_id'))
                yield '</td><td>'
                yield escape(environment.getattr(l_2_w, 'title'))
                if environment.getattr(l_2_w, 'ticket'):
                    pass
                    yield '<br><span class="muted">'
                    yield escape(environment.getattr(l_2_w, 'ticket'))
                    yield '</span>'
                yield '</td><td><span class="badge waiver-'
                yield escape(environment.getattr(l_2_w, 'state'))
                yield '">'
                yield escape(environment.getattr(l_2_w, 'state_label'))
                yield '</span></td><td>'
                yield escape(environment.getattr(l_2_w, 'justification'))
                yield '</td><td>'
                yield escape(environment.getattr(l_2_w, 'approver'))
                yield '</td><td class="date">'
                yield escape(environment.getattr(l_2_w, 'approved_on'))
                yield '</td><td class="date">'
                yield escape(environment.getattr(l_2_w, 'expires_on'))
                yield '</td></tr>\n'
            l_2_w = missing
            yield '    </tbody>\n  </table>\n'
        else:
            pass
            yield '  <p class="empty">'
            yield escape(context.call(environment.getattr(l_1_r, 'label'), 'waivers.none', _loop_vars=_loop_vars))
            yield '</p>\n'
        yield '</section>\n\n<section class="chapter" id="'
        yield escape((undefined(name='a') if l_1_a is missing else l_1_a))
        yield '-na">\n  <h2>'
        yield escape(context.call(environment.getattr(l_1_r, 'label'), 'not_applicable', _loop_vars=_loop_vars))
        yield '</h2>\n'
        if environment.getattr(l_1_r, 'not_applicable'):
            pass
            yield '  <div class="rows na">\n'
            for (l_2_reason, l_2_items) in environment.getattr(l_1_r, 'not_applicable_by_reason'):
                _loop_vars = {}
                pass
                yield '    <p class="row-section">'
                yield escape(l_2_reason)
                yield '</p>\n'
                for l_3_f in l_2_items:
                    _loop_vars = {}
                    pass
                    yield '    <p class="row-plain">'
                    yield escape(environment.getattr(l_3_f, 'rule_id'))
                    yield '\u3000'
                    yield escape(environment.getattr(l_3_f, 'title'))
                    yield '</p>\n'
                l_3_f = missing
            l_2_reason = l_2_items = missing
            yield '  </div>\n'
        else:
            pass
            yield '  <p class="empty">'
            yield escape(context.call(environment.getattr(l_1_r, 'label'), 'not_applicable.none', _loop_vars=_loop_vars))
            yield '</p>\n'
        yield '</section>\n\n<section class="chapter appendix" id="'
        yield escape((undefined(name='a') if l_1_a is missing else l_1_a))
        yield '-appendix">\n  <h2>'
        yield escape(context.call(environment.getattr(l_1_r, 'label'), 'appendix', _loop_vars=_loop_vars))
        yield '</h2>  <div class="rows all">\n'
        for l_2_ch in environment.getattr(l_1_r, 'chapters'):
            _loop_vars = {}
            pass
            yield '    <p class="row-group">'
            yield escape(environment.getattr(l_2_ch, 'title'))
            yield '</p>\n'
            for (l_3_section, l_3_items) in environment.getattr(l_2_ch, 'by_section'):
                _loop_vars = {}
                pass
                yield '    <p class="row-section">'
                yield escape(l_3_section)
                yield '</p>\n'
                for l_4_f in l_3_items:
                    _loop_vars = {}
                    pass
                    yield '    <p class="row-plain s-'
                    yield escape(environment.getattr(l_4_f, 'status'))
                    yield '">'
                    yield escape(environment.getattr(l_4_f, 'status_label'))
                    yield '\u3000'
                    yield escape(environment.getattr(l_4_f, 'rule_id'))
                    yield '\u3000'
                    yield escape(environment.getattr(l_4_f, 'title'))
                    yield escape((undefined(name='lp') if l_1_lp is missing else l_1_lp))
                    yield escape(environment.getattr(l_4_f, 'level_label'))
                    yield '・'
                    yield escape(environment.getattr(l_4_f, 'severity_label'))
                    if environment.getattr(l_4_f, 'line'):
                        pass
                        yield '・'
                        yield escape(context.call(environment.getattr(l_1_r, 'label'), 'col.line', _loop_vars=_loop_vars))
                        yield ' '
                        yield escape(environment.getattr(l_4_f, 'line'))
                    yield escape((undefined(name='rp') if l_1_rp is missing else l_1_rp))
                    yield '</p>\n'
                l_4_f = missing
            l_3_section = l_3_items = missing
        l_2_ch = missing
        yield '  </div>\n</section>\n</div>\n'
    l_1_r = l_1_a = l_1_lp = l_1_rp = l_1_chapter_chart = l_1_network_diagram = l_1_namespace = l_1_ns = missing

blocks = {'body': block_body}
debug_info = '2=12&3=17&4=26&5=33&6=35&7=38&8=40&9=42&10=44&11=46&13=48&14=50&18=52&19=56&20=60&21=64&22=68&23=72&24=76&25=80&26=84&29=88&32=90&33=94&35=96&36=100&37=104&38=108&40=112&41=120&45=128&46=132&47=136&51=140&52=142&55=144&56=146&57=148&61=150&62=152&63=162&67=170&68=172&70=178&72=180&74=188&75=192&80=206&81=208&83=211&85=215&86=223&87=225&92=237&96=240&97=242&99=244&100=246&104=248&105=250&107=252&108=254&112=256&113=258&114=260&115=262&116=271&117=273&118=277&119=287&120=291&122=297&123=301&124=303&126=305&127=315&129=319&130=323&131=327&132=337&133=341&137=346&138=349&140=351&141=355&147=370&148=373&152=376&153=378&154=380&157=383&159=397&160=401&165=429&169=432&170=434&171=436&173=439&174=443&175=445&176=449&181=459&185=462&186=464&189=466&190=470&191=472&192=476&193=478&195=482'