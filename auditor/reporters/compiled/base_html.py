# Generated from auditor/reporters/templates/base.html.j2 by scripts/compile_templates.py: do not edit.
# ruff: noqa
# mypy: ignore-errors
SOURCE_SHA256 = 'a6c31cd7a91e0a01fde2ebfd8017cf9a1baaba76f5a60f86a4fa94510e0439d0'
JINJA2_VERSION = '3.1.6'
from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'base.html.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_lang = resolve('lang')
    l_0_csp = resolve('csp')
    l_0_meta = resolve('meta')
    l_0_style = resolve('style')
    l_0_medium = resolve('medium')
    pass
    yield '<!DOCTYPE html>\n<html lang="'
    yield escape((undefined(name='lang') if l_0_lang is missing else l_0_lang))
    yield '">\n<head>\n<meta charset="utf-8">\n'
    if (undefined(name='csp') if l_0_csp is missing else l_0_csp):
        pass
        yield '<meta http-equiv="Content-Security-Policy" content="'
        yield escape((undefined(name='csp') if l_0_csp is missing else l_0_csp))
        yield '">\n'
    yield '<meta name="viewport" content="width=device-width, initial-scale=1">\n<meta name="referrer" content="no-referrer">\n<title>'
    yield escape(environment.getattr((undefined(name='meta') if l_0_meta is missing else l_0_meta), 'title'))
    yield '</title>\n<meta name="generator" content="'
    yield escape(environment.getattr((undefined(name='meta') if l_0_meta is missing else l_0_meta), 'generator'))
    yield '">\n'
    if environment.getattr((undefined(name='meta') if l_0_meta is missing else l_0_meta), 'author'):
        pass
        yield '<meta name="author" content="'
        yield escape(environment.getattr((undefined(name='meta') if l_0_meta is missing else l_0_meta), 'author'))
        yield '">\n'
    if environment.getattr((undefined(name='meta') if l_0_meta is missing else l_0_meta), 'description'):
        pass
        yield '<meta name="description" content="'
        yield escape(environment.getattr((undefined(name='meta') if l_0_meta is missing else l_0_meta), 'description'))
        yield '">\n'
    yield '<meta name="dcterms.created" content="'
    yield escape(environment.getattr((undefined(name='meta') if l_0_meta is missing else l_0_meta), 'date'))
    yield '">\n<meta name="dcterms.modified" content="'
    yield escape(environment.getattr((undefined(name='meta') if l_0_meta is missing else l_0_meta), 'date'))
    yield '"><style>'
    yield escape((undefined(name='style') if l_0_style is missing else l_0_style))
    yield '</style>\n</head>\n<body class="medium-'
    yield escape((undefined(name='medium') if l_0_medium is missing else l_0_medium))
    yield '">\n'
    yield from context.blocks['body'][0](context)
    yield '</body>\n</html>\n'

def block_body(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    pass

blocks = {'body': block_body}
debug_info = '3=17&6=19&7=22&11=25&12=27&13=29&14=32&16=34&17=37&19=40&20=42&22=44&24=46&25=48'