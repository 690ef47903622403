#!/usr/bin/env python3
"""Regenerates content/search/woordenlijst-nl.txt.gz from Debian's `wdutch` package (the OpenTaal word list,
BSD or CC BY 3.0; see content/search/woordenlijst-nl.LICENTIE.txt). Words are lower-cased and stripped of accents,
as search folds them; only words of letters a-z are kept. Run: apt-get install wdutch && python3 tools/convert-wordlist.py"""
import gzip, os, shutil, unicodedata

source = "/usr/share/dict/nederlands"
root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "content", "search")
words = set()
with open(source, encoding="utf-8") as f:
    for line in f:
        folded = unicodedata.normalize("NFKD", line.strip().lower())
        folded = "".join(c for c in folded if not unicodedata.combining(c))
        if folded.isalpha() and folded.isascii() and 2 <= len(folded) <= 40:
            words.add(folded)
with gzip.GzipFile(os.path.join(root, "woordenlijst-nl.txt.gz"), "wb", mtime=0, compresslevel=9) as out:
    out.write("\n".join(sorted(words)).encode())
shutil.copy("/usr/share/doc/wdutch/copyright", os.path.join(root, "woordenlijst-nl.LICENTIE.txt"))
print(f"{len(words)} words")
