#!/usr/bin/env python3
"""Lists the visible text of a drawn report page (Chromium's --dump-dom) and checks its language.

usage: visible_text.py DOM.html LANG WORDS.json

Every text node outside <script>, <style> and <title> is read, chart text (SVG) included.
Text copied from the results as it was written (scenario and service names, titles, policy and
description lines: the data document's own strings) is taken out first; what is left must hold
no word of the other language: a word that the words table (tools/words/words.json) or a list
of common words uses only in that language. Prints the offending text nodes and exits 1.
"""
import html.parser
import json
import re
import sys

COMMON = {
    'en': 'the and of with from to for is are be this that these those chart charts drawn '
          'waiting wait cost costs youths youth care services service year years days day '
          'replications replication interval difference differences over time per region '
          'regions scenario base mean median outcome outcomes placement placements closed '
          'admissions capacity places total not no yes all by at on which what how'.split(),
    'nl': 'de het een en van met voor naar zijn wordt worden jongeren jeugdigen wachttijd '
          'kosten jaar dagen herhalingen verschil basis gemiddelde uitkomst voorziening '
          'voorzieningen plekken gesloten opnames niet geen alle per regio wachtlijst'.split(),
}
WORD = re.compile(r"[A-Za-zÀ-ÿ]+")


class Text(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack = []
        self.nodes = []
        self.data_json = None
        self.lang = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == 'html':
            self.lang = attrs.get('lang')
        hidden = tag in ('script', 'style', 'title') or attrs.get('data-from') == 'results'
        self.stack.append((tag, hidden, attrs.get('id')))

    def handle_endtag(self, tag):
        while self.stack:
            if self.stack.pop()[0] == tag:
                break

    def handle_data(self, data):
        if self.stack and self.stack[-1][2] == 'zorgsim-data':
            self.data_json = data
        if any(hidden for _, hidden, _ in self.stack) or not data.strip():
            return
        self.nodes.append(data.strip())


def given_strings(data):
    """Every string of the data document that comes from the results or scenario files."""
    out = set()
    for scenario in data.get('scenarios', []):
        out.update([scenario.get('name', ''), scenario.get('title', '')])
        out.update(scenario.get('description', []))
        out.update(p.get('description', '') for p in scenario.get('policies', []))
    for service in data.get('services', []):
        out.update(service.get(k, '') for k in ('id', 'name', 'dutch', 'role', 'region'))
    for region in data.get('regions', []):
        out.update([region.get('id', ''), region.get('name', '')])
    sizing = data.get('sizing') or {}
    out.update([str(sizing.get('target', '')), str(sizing.get('service', ''))])
    if data.get('zorgsim_version'):
        out.add(data['zorgsim_version'])
    return sorted((s.strip() for s in out if s and s.strip()), key=len, reverse=True)


def main():
    dom, lang, words_file = sys.argv[1:4]
    parser = Text()
    with open(dom, encoding='utf-8') as f:
        parser.feed(f.read())
    if parser.lang != lang:
        print(f'<html lang="{parser.lang}">, expected "{lang}"')
        return 1
    if parser.data_json is None:
        print('no data document in the page')
        return 1
    data = json.loads(parser.data_json)
    with open(words_file, encoding='utf-8') as f:
        table = json.load(f)
    other = 'en' if lang == 'nl' else 'nl'
    tokens = {language: set() for language in ('nl', 'en')}
    for entry in table.values():
        for language in ('nl', 'en'):
            tokens[language].update(w.lower() for w in WORD.findall(entry[language]))
    foreign = (tokens[other] | set(COMMON[other])) - tokens[lang] - set(COMMON[lang])
    foreign -= {'zorgsim', 'eur', 'svg', 'png', 'csv', 'json', 'mln', 'p', 'q', 'k'}
    given = given_strings(data)
    problems = []
    for node in parser.nodes:
        text = node
        for s in given:
            text = text.replace(s, ' ')
        bad = sorted({w for w in WORD.findall(text) if w.lower() in foreign})
        if bad:
            problems.append(f'{", ".join(bad)}: {node[:160]!r}')
    print(f'{len(parser.nodes)} visible text nodes checked for {other} words')
    for problem in problems:
        print('  ' + problem)
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main())
