# Generated from auditor/reporters/templates/batch.html.j2 by scripts/compile_templates.py: do not edit.
# ruff: noqa
# mypy: ignore-errors
SOURCE_SHA256 = '489df6d337b59a47420e2c951244565a5edc3e6d803a3a8067842a0d98cd3a25'
JINJA2_VERSION = '3.1.6'
from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'batch.html.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    parent_template = None
    pass
    parent_template = environment.get_template('base.html.j2', 'batch.html.j2')
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
    l_0_lang = resolve('lang')
    l_0_title = resolve('title')
    l_0_batch_title = resolve('batch_title')
    l_0_label = resolve('label')
    l_0_kpis = resolve('kpis')
    l_0_cover = resolve('cover')
    l_0_generated = resolve('generated')
    l_0_heading = resolve('heading')
    l_0_scale = resolve('scale')
    l_0_chapters = resolve('chapters')
    l_0_rows = resolve('rows')
    l_0_top = resolve('top')
    l_0_most_failed = resolve('most_failed')
    l_0_ranking = resolve('ranking')
    l_0_unusable = resolve('unusable')
    try:
        t_1 = environment.filters['length']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'length' found.")
    try:
        t_2 = environment.tests['none']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No test named 'none' found.")
    pass
    yield '<div class="report batch" lang="'
    yield escape((undefined(name='lang') if l_0_lang is missing else l_0_lang))
    yield '">\n<section class="cover batch-cover" id="cover">\n  <p class="doc-title">'
    yield escape((undefined(name='title') if l_0_title is missing else l_0_title))
    yield '</p>\n  <h1 class="entity">'
    yield escape((undefined(name='batch_title') if l_0_batch_title is missing else l_0_batch_title))
    yield '</h1>\n  <p class="subtitle">'
    yield escape(context.call((undefined(name='label') if l_0_label is missing else l_0_label), 'batch.cover.subtitle', _block_vars=_block_vars))
    yield '</p>\n  <div class="batch-kpis">\n'
    for (l_1_label_text, l_1_value) in (undefined(name='kpis') if l_0_kpis is missing else l_0_kpis):
        _loop_vars = {}
        pass
        yield '    <div class="batch-kpi"><div class="kpi-value">'
        yield escape(l_1_value)
        yield '</div><div class="kpi-label">'
        yield escape(l_1_label_text)
        yield '</div></div>\n'
    l_1_label_text = l_1_value = missing
    yield '  </div>\n  <table class="cover-meta">\n    <tbody>\n'
    for (l_1_key, l_1_value) in (undefined(name='cover') if l_0_cover is missing else l_0_cover):
        _loop_vars = {}
        pass
        yield '      <tr><th scope="row">'
        yield escape(l_1_key)
        yield '</th><td>'
        yield escape(l_1_value)
        yield '</td></tr>\n'
    l_1_key = l_1_value = missing
    yield '    </tbody>\n  </table>\n  <p class="generated">'
    yield escape((undefined(name='generated') if l_0_generated is missing else l_0_generated))
    yield '</p>\n</section>\n\n<section class="chapter matrix" id="matrix">\n  <h2>'
    yield escape(context.call((undefined(name='label') if l_0_label is missing else l_0_label), 'batch.page.matrix', _block_vars=_block_vars))
    yield '</h2>\n  <p class="note">'
    yield escape((undefined(name='heading') if l_0_heading is missing else l_0_heading))
    yield '\u3000'
    yield escape(context.call((undefined(name='label') if l_0_label is missing else l_0_label), 'batch.page.legend', _block_vars=_block_vars))
    yield '</p>\n  <p class="heat-scale" aria-hidden="true">'
    for (l_1_css, l_1_text) in (undefined(name='scale') if l_0_scale is missing else l_0_scale):
        _loop_vars = {}
        pass
        yield '<span class="heat '
        yield escape(l_1_css)
        yield '">'
        yield escape(l_1_text)
        yield '</span>'
    l_1_css = l_1_text = missing
    yield '<span class="heat heat-none">-</span></p>\n  <table class="heatmap">\n    <thead>\n      <tr>\n        <th scope="col" class="hm-name">'
    yield escape(context.call((undefined(name='label') if l_0_label is missing else l_0_label), 'batch.col.entity', _block_vars=_block_vars))
    yield '</th>\n        <th scope="col" class="hm-code">'
    yield escape(context.call((undefined(name='label') if l_0_label is missing else l_0_label), 'batch.col.code', _block_vars=_block_vars))
    yield '</th>\n        <th scope="col" class="hm-model">'
    yield escape(context.call((undefined(name='label') if l_0_label is missing else l_0_label), 'batch.col.model', _block_vars=_block_vars))
    yield '</th>\n'
    for l_1_ch in (undefined(name='chapters') if l_0_chapters is missing else l_0_chapters):
        _loop_vars = {}
        pass
        yield '<th scope="col" class="hm-ch" title="'
        yield escape(environment.getattr(l_1_ch, 'title'))
        yield '">'
        yield escape(environment.getattr(l_1_ch, 'short'))
        yield '</th>'
    l_1_ch = missing
    yield '        <th scope="col" class="hm-ch hm-total">'
    yield escape(context.call((undefined(name='label') if l_0_label is missing else l_0_label), 'batch.col.total', _block_vars=_block_vars))
    yield '</th>\n        <th scope="col" class="hm-urgent">'
    yield escape(context.call((undefined(name='label') if l_0_label is missing else l_0_label), 'batch.col.urgent', _block_vars=_block_vars))
    yield '</th>\n      </tr>\n    </thead>\n    <tbody>\n'
    for l_1_row in (undefined(name='rows') if l_0_rows is missing else l_0_rows):
        _loop_vars = {}
        pass
        yield '      <tr>\n        <th scope="row" class="hm-name">'
        yield escape(environment.getattr(l_1_row, 'name'))
        yield '</th>\n        <td class="hm-code code">'
        yield escape(environment.getattr(l_1_row, 'code'))
        yield '</td>\n        <td class="hm-model">'
        yield escape(environment.getattr(l_1_row, 'model'))
        yield '</td>\n'
        for l_2_cell in environment.getattr(l_1_row, 'cells'):
            _loop_vars = {}
            pass
            yield '<td class="heat '
            yield escape(environment.getattr(l_2_cell, 'css'))
            yield '" title="'
            yield escape(environment.getattr(l_2_cell, 'title'))
            yield '">'
            yield escape(environment.getattr(l_2_cell, 'text'))
            if environment.getattr(l_2_cell, 'must_failed'):
                pass
                yield '<span class="mf">'
                yield escape(environment.getattr(l_2_cell, 'must_failed'))
                yield '</span>'
            yield '</td>'
        l_2_cell = missing
        yield '        <td class="heat hm-total '
        yield escape(environment.getattr(environment.getattr(l_1_row, 'total'), 'css'))
        yield '" title="'
        yield escape(environment.getattr(environment.getattr(l_1_row, 'total'), 'title'))
        yield '">'
        yield escape(environment.getattr(environment.getattr(l_1_row, 'total'), 'text'))
        if environment.getattr(environment.getattr(l_1_row, 'total'), 'must_failed'):
            pass
            yield '<span class="mf">'
            yield escape(environment.getattr(environment.getattr(l_1_row, 'total'), 'must_failed'))
            yield '</span>'
        yield '</td>\n        <td class="num hm-urgent'
        if environment.getattr(l_1_row, 'urgent'):
            pass
            yield ' has-urgent'
        yield '">'
        yield escape(environment.getattr(l_1_row, 'urgent'))
        yield '</td>\n      </tr>\n'
    l_1_row = missing
    yield '    </tbody>\n  </table>\n  <p class="note">'
    def t_3(fiter):
        for l_1_ch in fiter:
            if (environment.getattr(l_1_ch, 'short') != environment.getattr(l_1_ch, 'title')):
                yield l_1_ch
    l_1_loop = missing
    for l_1_ch, l_1_loop in LoopContext(t_3((undefined(name='chapters') if l_0_chapters is missing else l_0_chapters)), undefined):
        _loop_vars = {}
        pass
        yield escape(environment.getattr(l_1_ch, 'short'))
        yield ' = '
        yield escape(environment.getattr(l_1_ch, 'title'))
        if (not environment.getattr(l_1_loop, 'last')):
            pass
            yield '\u3000'
    l_1_loop = l_1_ch = missing
    yield '</p>\n</section>\n\n<section class="chapter" id="most-failed">\n  <h2>'
    yield escape(context.call(environment.getattr(context.call((undefined(name='label') if l_0_label is missing else l_0_label), 'batch.section.most_failed', top=(undefined(name='top') if l_0_top is missing else l_0_top), _block_vars=_block_vars), 'lstrip'), '■ ', _block_vars=_block_vars))
    yield '</h2>\n'
    if (undefined(name='most_failed') if l_0_most_failed is missing else l_0_most_failed):
        pass
        yield '  <table class="list batch-list">\n    <colgroup><col class="bc-id"><col class="bc-title"><col class="bc-level"><col class="bc-sev"><col class="bc-sect"><col class="bc-count"><col class="bc-share"></colgroup>\n    <thead><tr><th scope="col">ID</th><th scope="col">'
        yield escape(context.call((undefined(name='label') if l_0_label is missing else l_0_label), 'batch.col.requirement', _block_vars=_block_vars))
        yield '</th><th scope="col">'
        yield escape(context.call((undefined(name='label') if l_0_label is missing else l_0_label), 'batch.col.level', _block_vars=_block_vars))
        yield '</th><th scope="col">'
        yield escape(context.call((undefined(name='label') if l_0_label is missing else l_0_label), 'batch.col.severity', _block_vars=_block_vars))
        yield '</th><th scope="col">'
        yield escape(context.call((undefined(name='label') if l_0_label is missing else l_0_label), 'batch.col.section', _block_vars=_block_vars))
        yield '</th><th scope="col">'
        yield escape(context.call((undefined(name='label') if l_0_label is missing else l_0_label), 'batch.col.failed', _block_vars=_block_vars))
        yield '</th><th scope="col">'
        yield escape(context.call((undefined(name='label') if l_0_label is missing else l_0_label), 'batch.col.share', _block_vars=_block_vars))
        yield '</th></tr></thead>\n    <tbody>\n'
        for l_1_item in (undefined(name='most_failed') if l_0_most_failed is missing else l_0_most_failed):
            _loop_vars = {}
            pass
            yield '      <tr><td class="rule-id">'
            yield escape(environment.getattr(l_1_item, 'rule_id'))
            yield '</td><td>'
            yield escape(environment.getattr(l_1_item, 'title'))
            yield '</td><td>'
            yield escape(environment.getattr(l_1_item, 'level'))
            yield '</td><td><span class="sev sev-'
            yield escape(environment.getattr(l_1_item, 'severity'))
            yield '">'
            yield escape(environment.getattr(l_1_item, 'severity_label'))
            yield '</span></td><td>'
            yield escape(environment.getattr(l_1_item, 'section'))
            yield '</td><td class="num">'
            yield escape(environment.getattr(l_1_item, 'failed'))
            yield '</td><td class="share"><span class="share-bar"><span class="share-fill '
            yield escape(environment.getattr(l_1_item, 'bar'))
            yield '"></span></span> '
            yield escape(environment.getattr(l_1_item, 'share'))
            yield '</td></tr>\n'
        l_1_item = missing
        yield '    </tbody>\n  </table>\n'
    else:
        pass
        yield '  <p class="empty">'
        yield escape(context.call((undefined(name='label') if l_0_label is missing else l_0_label), 'batch.none', _block_vars=_block_vars))
        yield '</p>\n'
    yield '</section>\n\n<section class="chapter" id="ranking">\n  <h2>'
    yield escape(context.call(environment.getattr(context.call((undefined(name='label') if l_0_label is missing else l_0_label), 'batch.section.ranking', top=(undefined(name='top') if l_0_top is missing else l_0_top), _block_vars=_block_vars), 'lstrip'), '■ ', _block_vars=_block_vars))
    yield '</h2>\n'
    if (undefined(name='ranking') if l_0_ranking is missing else l_0_ranking):
        pass
        yield '  <table class="list batch-list ranking">\n    <colgroup><col class="bc-rank"><col class="bc-title"><col class="bc-code"><col class="bc-count"><col class="bc-count"><col class="bc-count"><col class="bc-count"></colgroup>\n    <thead><tr><th scope="col">'
        yield escape(context.call((undefined(name='label') if l_0_label is missing else l_0_label), 'batch.col.rank', _block_vars=_block_vars))
        yield '</th><th scope="col">'
        yield escape(context.call((undefined(name='label') if l_0_label is missing else l_0_label), 'batch.col.entity', _block_vars=_block_vars))
        yield '</th><th scope="col">'
        yield escape(context.call((undefined(name='label') if l_0_label is missing else l_0_label), 'batch.col.code', _block_vars=_block_vars))
        yield '</th><th scope="col">'
        yield escape(context.call((undefined(name='label') if l_0_label is missing else l_0_label), 'batch.col.urgent', _block_vars=_block_vars))
        yield '</th><th scope="col">'
        yield escape(context.call((undefined(name='label') if l_0_label is missing else l_0_label), 'batch.col.critical', _block_vars=_block_vars))
        yield '</th><th scope="col">'
        yield escape(context.call((undefined(name='label') if l_0_label is missing else l_0_label), 'batch.col.must_failed', _block_vars=_block_vars))
        yield '</th><th scope="col">'
        yield escape(context.call((undefined(name='label') if l_0_label is missing else l_0_label), 'batch.col.total', _block_vars=_block_vars))
        yield '</th></tr></thead>\n    <tbody>\n'
        for l_1_item in (undefined(name='ranking') if l_0_ranking is missing else l_0_ranking):
            _loop_vars = {}
            pass
            yield '      <tr><td class="num">'
            yield escape(environment.getattr(l_1_item, 'rank'))
            yield '</td><td>'
            yield escape(environment.getattr(l_1_item, 'name'))
            yield '</td><td class="code">'
            yield escape(environment.getattr(l_1_item, 'code'))
            yield '</td><td class="num">'
            yield escape(environment.getattr(l_1_item, 'urgent'))
            yield '</td><td class="num">'
            yield escape(environment.getattr(l_1_item, 'critical'))
            yield '</td><td class="num">'
            yield escape(environment.getattr(l_1_item, 'must_failed'))
            yield '</td><td class="num">'
            yield escape(environment.getattr(l_1_item, 'rate'))
            yield '</td></tr>\n'
        l_1_item = missing
        yield '    </tbody>\n  </table>\n'
    else:
        pass
        yield '  <p class="empty">'
        yield escape(context.call((undefined(name='label') if l_0_label is missing else l_0_label), 'batch.none', _block_vars=_block_vars))
        yield '</p>\n'
    yield '</section>\n\n<section class="chapter" id="unusable">\n  <h2>'
    yield escape(context.call(environment.getattr(context.call((undefined(name='label') if l_0_label is missing else l_0_label), 'batch.section.unusable', count=t_1((undefined(name='unusable') if l_0_unusable is missing else l_0_unusable)), _block_vars=_block_vars), 'lstrip'), '■ ', _block_vars=_block_vars))
    yield '</h2>\n'
    if (undefined(name='unusable') if l_0_unusable is missing else l_0_unusable):
        pass
        yield '  <table class="list batch-list">\n    <colgroup><col class="bc-file"><col class="bc-line"><col class="bc-title"></colgroup>\n    <thead><tr><th scope="col">'
        yield escape(context.call((undefined(name='label') if l_0_label is missing else l_0_label), 'batch.col.file', _block_vars=_block_vars))
        yield '</th><th scope="col">'
        yield escape(context.call((undefined(name='label') if l_0_label is missing else l_0_label), 'batch.col.line', _block_vars=_block_vars))
        yield '</th><th scope="col">'
        yield escape(context.call((undefined(name='label') if l_0_label is missing else l_0_label), 'batch.col.message', _block_vars=_block_vars))
        yield '</th></tr></thead>\n    <tbody>\n'
        for l_1_item in (undefined(name='unusable') if l_0_unusable is missing else l_0_unusable):
            _loop_vars = {}
            pass
            yield '      <tr><td class="code">'
            yield escape(environment.getattr(l_1_item, 'file'))
            yield '</td><td class="num">'
            yield escape((environment.getattr(l_1_item, 'line') if (not t_2(environment.getattr(l_1_item, 'line'))) else ''))
            yield '</td><td>'
            yield escape(environment.getattr(l_1_item, 'message'))
            if environment.getattr(l_1_item, 'more'):
                pass
                yield ' '
                yield escape(context.call((undefined(name='label') if l_0_label is missing else l_0_label), 'batch.more_problems', count=environment.getattr(l_1_item, 'more'), file=environment.getattr(l_1_item, 'file'), _loop_vars=_loop_vars))
            yield '</td></tr>\n'
        l_1_item = missing
        yield '    </tbody>\n  </table>\n'
    else:
        pass
        yield '  <p class="empty">'
        yield escape(context.call((undefined(name='label') if l_0_label is missing else l_0_label), 'batch.none', _block_vars=_block_vars))
        yield '</p>\n'
    yield '</section>\n</div>\n'

blocks = {'body': block_body}
debug_info = '3=12&4=17&5=53&7=55&8=57&9=59&11=61&12=65&17=71&18=75&22=81&26=83&27=85&28=89&32=99&33=101&34=103&35=105&36=115&37=117&41=119&43=123&44=125&45=127&46=129&47=146&48=157&53=165&57=181&58=183&61=186&63=198&64=202&69=225&74=228&75=230&78=233&80=247&81=251&86=270&91=273&92=275&95=278&97=284&98=288&103=303'