# Generated from auditor/reporters/templates/audit.html.j2 by scripts/compile_templates.py: do not edit.
# ruff: noqa
# mypy: ignore-errors
SOURCE_SHA256 = '99bee8ba4c5fe0d62e9323fe04df2c4ca41ac21cb08d25b0abec6a65af7978c9'
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
    try:
        t_1 = environment.filters['join']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'join' found.")
    pass
    for l_1_r in (undefined(name='reports') if l_0_reports is missing else l_0_reports):
        l_1_chapter_chart = resolve('chapter_chart')
        l_1_progress_chart = resolve('progress_chart')
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
        def t_2(fiter):
            for l_2_ch in fiter:
                if (environment.getattr(l_2_ch, 'findings') or environment.getattr(l_2_ch, 'manual')):
                    yield l_2_ch
        for l_2_ch in t_2(environment.getattr(l_1_r, 'chapters')):
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
        yield '</a></li>\n'
        if environment.getattr(l_1_r, 'evidence'):
            pass
            yield '<li><a href="#'
            yield escape((undefined(name='a') if l_1_a is missing else l_1_a))
            yield '-evidence">'
            yield escape(context.call(environment.getattr(l_1_r, 'label'), 'appendix.evidence', _loop_vars=_loop_vars))
            yield '</a></li>'
        if environment.getattr(l_1_r, 'clauses'):
            pass
            yield '<li><a href="#'
            yield escape((undefined(name='a') if l_1_a is missing else l_1_a))
            yield '-clauses">'
            yield escape(context.call(environment.getattr(l_1_r, 'label'), 'appendix.clauses', _loop_vars=_loop_vars))
            yield '</a></li>'
        yield '  </ol>\n</nav>\n\n<section class="chapter" id="'
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
        yield '</figcaption>\n  </figure>\n'
        if environment.getattr(l_1_r, 'progress'):
            pass
            yield '  <h3 id="'
            yield escape((undefined(name='a') if l_1_a is missing else l_1_a))
            yield '-progress">'
            yield escape(context.call(environment.getattr(l_1_r, 'label'), 'progress', _loop_vars=_loop_vars))
            yield '</h3>\n  <figure class="chart progress">\n    '
            yield escape(context.call((undefined(name='progress_chart') if l_1_progress_chart is missing else l_1_progress_chart), l_1_r, _loop_vars=_loop_vars))
            yield '\n    <figcaption>'
            yield escape(context.call(environment.getattr(l_1_r, 'label'), 'progress.caption', date=environment.getattr(environment.getattr(l_1_r, 'progress'), 'previous_date'), _loop_vars=_loop_vars))
            yield '</figcaption>\n  </figure>\n  <div class="rows progress">\n'
            def t_3(fiter):
                for l_2_pc in fiter:
                    if (environment.getattr(l_2_pc, 'improved') or environment.getattr(l_2_pc, 'regressed')):
                        yield l_2_pc
            for l_2_pc in t_3(environment.getattr(environment.getattr(l_1_r, 'progress'), 'chapters')):
                _loop_vars = {}
                pass
                yield '  <p class="row">'
                yield escape(environment.getattr(l_2_pc, 'title'))
                yield ': '
                yield escape(environment.getattr(l_2_pc, 'before_label'))
                yield ' → '
                yield escape(environment.getattr(l_2_pc, 'after_label'))
                if environment.getattr(l_2_pc, 'improved'):
                    pass
                    yield '\u3000'
                    yield escape(context.call(environment.getattr(l_1_r, 'label'), 'report.progress.improved', _loop_vars=_loop_vars))
                    yield ' '
                    yield escape(t_1(context.eval_ctx, environment.getattr(l_2_pc, 'improved'), ', '))
                if environment.getattr(l_2_pc, 'regressed'):
                    pass
                    yield '\u3000'
                    yield escape(context.call(environment.getattr(l_1_r, 'label'), 'report.progress.regressed', _loop_vars=_loop_vars))
                    yield ' '
                    yield escape(t_1(context.eval_ctx, environment.getattr(l_2_pc, 'regressed'), ', '))
                yield '</p>\n'
            l_2_pc = missing
            yield '  </div>\n'
        yield '</section>\n\n<section class="chapter" id="'
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
        def t_4(fiter):
            for l_2_ch in fiter:
                if (environment.getattr(l_2_ch, 'findings') or environment.getattr(l_2_ch, 'manual')):
                    yield l_2_ch
        for l_2_ch in t_4(environment.getattr(l_1_r, 'chapters')):
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
                yield '</p>\n'
                for l_4_c in environment.getattr(l_3_f, 'citations'):
                    _loop_vars = {}
                    pass
                    yield '<p class="cite">'
                    yield escape(context.call(environment.getattr(l_1_r, 'label'), 'citation.line', label=l_4_c, _loop_vars=_loop_vars))
                    yield '</p>'
                l_4_c = missing
                yield '      <div class="facts">\n        <p class="fact"><span class="k">'
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
                yield '</p>\n'
                if environment.getattr(l_3_f, 'evidence'):
                    pass
                    yield '<p class="fact"><span class="k">'
                    yield escape(context.call(environment.getattr(l_1_r, 'label'), 'evidence.what', _loop_vars=_loop_vars))
                    yield '</span>'
                    yield escape(environment.getattr(environment.getattr(l_3_f, 'evidence'), 'line'))
                    yield '</p>'
                yield '      </div>\n    </article>\n'
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
                    for l_4_c in environment.getattr(l_3_f, 'citations'):
                        _loop_vars = {}
                        pass
                        yield '<br>'
                        yield escape(context.call(environment.getattr(l_1_r, 'label'), 'citation.line', label=l_4_c, _loop_vars=_loop_vars))
                    l_4_c = missing
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
        yield '  </div>\n</section>\n'
        if environment.getattr(l_1_r, 'evidence'):
            pass
            yield '\n<section class="chapter appendix" id="'
            yield escape((undefined(name='a') if l_1_a is missing else l_1_a))
            yield '-evidence">\n  <h2>'
            yield escape(context.call(environment.getattr(l_1_r, 'label'), 'appendix.evidence', _loop_vars=_loop_vars))
            yield '</h2>\n  <table class="list evidence">\n    <colgroup><col class="c-id"><col class="c-state"><col class="c-wide"><col class="c-who"><col class="c-date"><col class="c-date"></colgroup>\n    <thead><tr><th scope="col">'
            yield escape(context.call(environment.getattr(l_1_r, 'label'), 'col.id', _loop_vars=_loop_vars))
            yield '</th><th scope="col">'
            yield escape(context.call(environment.getattr(l_1_r, 'label'), 'evidence.result', _loop_vars=_loop_vars))
            yield '</th><th scope="col">'
            yield escape(context.call(environment.getattr(l_1_r, 'label'), 'evidence.what', _loop_vars=_loop_vars))
            yield '</th><th scope="col">'
            yield escape(context.call(environment.getattr(l_1_r, 'label'), 'evidence.reviewer', _loop_vars=_loop_vars))
            yield '</th><th scope="col">'
            yield escape(context.call(environment.getattr(l_1_r, 'label'), 'evidence.reviewed_on', _loop_vars=_loop_vars))
            yield '</th><th scope="col">'
            yield escape(context.call(environment.getattr(l_1_r, 'label'), 'evidence.valid_until', _loop_vars=_loop_vars))
            yield '</th></tr></thead>\n    <tbody>\n'
            for l_2_e in environment.getattr(l_1_r, 'evidence'):
                _loop_vars = {}
                pass
                yield '      <tr class="'
                yield escape(('attention' if environment.getattr(l_2_e, 'attention') else 'ok'))
                yield '"><td class="rule-id">'
                yield escape(environment.getattr(environment.getattr(l_2_e, 'record'), 'rule_id'))
                yield '</td><td><span class="badge evidence-'
                yield escape(environment.getattr(l_2_e, 'state'))
                yield '">'
                yield escape(environment.getattr(l_2_e, 'state_label'))
                yield '</span></td><td>'
                yield escape(environment.getattr(environment.getattr(l_2_e, 'record'), 'what'))
                if environment.getattr(environment.getattr(l_2_e, 'record'), 'where'):
                    pass
                    yield '<br><span class="muted">'
                    yield escape(environment.getattr(environment.getattr(l_2_e, 'record'), 'where'))
                    yield '</span>'
                yield '<br><span class="muted">'
                yield escape(environment.getattr(environment.getattr(l_2_e, 'record'), 'method'))
                if environment.getattr(environment.getattr(l_2_e, 'record'), 'note'):
                    pass
                    yield '・'
                    yield escape(environment.getattr(environment.getattr(l_2_e, 'record'), 'note'))
                yield '</span>'
                if environment.getattr(environment.getattr(l_2_e, 'record'), 'citation'):
                    pass
                    yield '<br><span class="muted">'
                    yield escape(environment.getattr(environment.getattr(l_2_e, 'record'), 'citation'))
                    yield '</span>'
                yield '</td><td>'
                yield escape(environment.getattr(environment.getattr(l_2_e, 'record'), 'reviewer'))
                yield '</td><td class="date">'
                yield escape(environment.getattr(environment.getattr(l_2_e, 'record'), 'reviewed_on'))
                yield '</td><td class="date">'
                yield escape(environment.getattr(l_2_e, 'expires_on'))
                yield '</td></tr>\n'
            l_2_e = missing
            yield '    </tbody>\n  </table>\n</section>\n'
        if environment.getattr(l_1_r, 'clauses'):
            pass
            yield '\n<section class="chapter appendix" id="'
            yield escape((undefined(name='a') if l_1_a is missing else l_1_a))
            yield '-clauses">\n  <h2>'
            yield escape(context.call(environment.getattr(l_1_r, 'label'), 'appendix.clauses', _loop_vars=_loop_vars))
            yield '</h2>\n  <div class="rows clauses">\n'
            for l_2_c in environment.getattr(l_1_r, 'clauses'):
                _loop_vars = {}
                pass
                yield '    <p class="row"><b>'
                yield escape(environment.getattr(l_2_c, 'place'))
                yield '</b>\u3000'
                yield escape(context.call(environment.getattr(l_1_r, 'label'), 'citations.rules', _loop_vars=_loop_vars))
                yield ': '
                yield escape(t_1(context.eval_ctx, environment.getattr(l_2_c, 'rules'), ', '))
                yield '<br>「'
                yield escape(environment.getattr(l_2_c, 'quote'))
                yield '」</p>\n'
            l_2_c = missing
            yield '  </div>\n</section>\n'
        yield '</div>\n'
    l_1_r = l_1_a = l_1_lp = l_1_rp = l_1_chapter_chart = l_1_progress_chart = l_1_network_diagram = l_1_namespace = l_1_ns = missing

blocks = {'body': block_body}
debug_info = '2=12&3=17&4=32&5=40&6=42&7=45&8=47&9=49&10=51&11=53&13=55&14=57&18=59&19=63&20=67&21=71&22=75&23=79&24=83&25=87&26=91&29=95&32=97&33=101&35=103&36=107&37=111&38=115&40=119&41=127&45=135&46=139&47=143&48=147&49=154&53=162&54=164&57=166&58=168&59=170&63=172&64=174&65=184&69=192&70=194&72=200&74=202&76=210&77=214&82=228&83=230&85=233&87=237&88=245&89=247&94=259&98=262&99=264&101=266&102=268&104=270&105=273&107=277&108=279&111=281&112=289&118=310&119=312&121=314&122=316&126=318&127=320&128=322&129=324&130=333&131=335&132=339&133=349&134=353&136=359&137=363&138=365&140=367&141=377&142=381&144=389&145=393&146=397&147=407&148=411&149=415&153=424&154=427&156=429&157=433&163=454&164=457&168=460&169=462&170=464&173=467&175=481&176=485&181=513&185=516&186=518&187=520&189=523&190=527&191=529&192=533&197=543&201=546&202=548&205=550&206=554&207=556&208=560&209=562&211=566&217=589&219=592&220=594&223=596&225=608&226=612&232=647&234=650&235=652&237=654&238=658'