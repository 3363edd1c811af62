"""``auditor extract``: a body's own policy document read into a draft policy YAML, every value cited.

This package owns the whole path from document to draft:

1. **reading** (:mod:`.reading`, :mod:`.docx_reader`, :mod:`.pdf_reader`): .docx, text PDFs, .txt/.md
   and .html (例規集 pages) become lines of text with their page (or source line), within strict
   limits; unusable input (encrypted or image-only PDF, old .doc, corrupted or zip-bomb .docx,
   too many pages, undeclared Shift_JIS, empty) is refused with one line naming the file;
2. **outline** (:mod:`.outline`, :mod:`.numbering`): Japanese numbering in every form (章/節/款/条/項/号,
   漢数字, full-width digits, 1.(1)①, (1)/ア/イ, 2-6-1, 別表) builds a tree of provisions, each
   with its clause label, caption, headings and page;
3. **matching** (:mod:`.meaning`, :mod:`.lexicon`, :mod:`.matching`): the matching knowledge, kept as
   data in ``lexicon/*.yaml`` (per policy path: phrases, context, what a prohibition, permission,
   exception or recommendation means for the value, numbers with units), is applied to each
   provision; a value is set only where a clause settles it, never guessed or defaulted;
4. **draft** (:mod:`.draft`, :mod:`.report`): the draft policy YAML (each value commented with its
   clause, page and quote; every other value left unanswered), the evidence file
   (:mod:`auditor.evidence`) and the 改定対応 gap list.

Heavy libraries (python-docx, lxml, pypdf) are imported only here, on the extract command's path.
Everything this package needs from the rest of ``auditor`` goes through :mod:`.host`.
"""
