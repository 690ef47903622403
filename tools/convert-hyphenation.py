#!/usr/bin/env python3
"""Converts Debian's hyph_nl_NL.dic (apt-get install hyphen-nl) to the XML Lucene's hyphenation reader loads."""
import re
import sys

SOURCE = sys.argv[1] if len(sys.argv) > 1 else "/usr/share/hyphen/hyph_nl_NL.dic"
TARGET = sys.argv[2] if len(sys.argv) > 2 else "content/search/hyphenation-nl.xml"
HEADER = """<?xml version="1.0" encoding="utf-8"?>
<!--
  Dutch hyphenation patterns for compound splitting in search.
  Converted from hyph_nl_NL.dic (Debian package hyphen-nl 1:7.5.0-1, from the LibreOffice dictionaries):
  Copyright 1996 Nederlandstalige TeX Gebruikersgroep, 2001-2005 Simon Brouwer e.a., 2006-2010 OpenTaal.
  Licence: BSD-2-clause or CC BY 3.0 (we use it under CC BY 3.0, https://creativecommons.org/licenses/by/3.0/).
  Changed: only the patterns made of a-z and digits are kept, because search folds accents before hyphenation.
  Regenerate with: python3 tools/convert-hyphenation.py
-->
<hyphenation-info>
<hyphen-char value="-"/>
<hyphen-min before="2" after="2"/>
<classes>
"""

lines = open(SOURCE, encoding="latin-1").read().split("\n")[1:]  # the first line names the encoding
patterns = [l.strip() for l in lines if re.fullmatch(r"[.a-z0-9]+", l.strip())]
with open(TARGET, "w", encoding="utf-8") as out:
    out.write(HEADER)
    out.write(" ".join(c + c.upper() for c in "abcdefghijklmnopqrstuvwxyz") + "\n</classes>\n<patterns>\n")
    for i in range(0, len(patterns), 12):
        out.write(" ".join(patterns[i:i + 12]) + "\n")
    out.write("</patterns>\n</hyphenation-info>\n")
print(f"{len(patterns)} patterns written to {TARGET}")
