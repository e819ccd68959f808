#!/usr/bin/env python3
"""ui-graph.py - which ui/ files call which (by the functions each defines),
and the circles among them.  `make layering` runs it with --check: a file
listed as a widget in ui/README must not be in a circle, nor call a screen."""
import glob, re, sys, os

os.chdir(os.path.join(os.path.dirname(os.path.abspath(__file__)), '..'))
files = sorted(glob.glob('ui/*.c'))
defs = {}
src = {}
for f in files:
    s = open(f, encoding='utf-8').read()
    s = re.sub(r'/\*.*?\*/', '', s, flags=re.S)
    s = re.sub(r'"(\\.|[^"\\])*"', '""', s)
    src[f] = s
    for m in re.finditer(r'^(?!static)[a-z][^;{}()]*?\b([a-z_][a-z0-9_]*)\s*\([^;]*?\)\s*\{', s, flags=re.M):
        defs[m.group(1)] = f
    for m in re.finditer(r'^(?!static)[a-z][^;{}()=]*?\b([a-z_][a-z0-9_]*)(?:\[[^]]*\])?\s*(?:=|;)', s, flags=re.M):
        name = m.group(1)
        if name not in ('return',):
            defs.setdefault(name, f)
uses = {f: set() for f in files}
for f in files:
    for name in set(re.findall(r'\b([a-z_][a-z0-9_]*)\b', src[f])):
        g = defs.get(name)
        if g and g != f:
            uses[f].add(g)

# strongly connected components (Tarjan)
index, low, stack, on, sccs = {}, {}, [], set(), []
def visit(v, n=[0]):
    index[v] = low[v] = n[0]; n[0] += 1
    stack.append(v); on.add(v)
    for w in uses[v]:
        if w not in index:
            visit(w); low[v] = min(low[v], low[w])
        elif w in on:
            low[v] = min(low[v], index[w])
    if low[v] == index[v]:
        c = []
        while True:
            w = stack.pop(); on.discard(w); c.append(w)
            if w == v: break
        sccs.append(sorted(c))
sys.setrecursionlimit(10000)
for v in files:
    if v not in index:
        visit(v)
circles = [c for c in sccs if len(c) > 1]

widgets = []
try:
    for line in open('ui/README', encoding='utf-8'):
        if line.startswith('Widgets:'):
            widgets = ['ui/' + w.strip() for w in line.split(':', 1)[1].split(',') if w.strip() and os.path.exists('ui/' + w.strip())]
except OSError:
    pass

if '--check' in sys.argv:
    bad = 0
    for c in circles:
        for w in widgets:
            if w in c:
                print('layering: widget %s is in a circle: %s' % (w, ' '.join(c))); bad = 1
    for w in widgets:
        for g in sorted(uses.get(w, ())):
            if g not in widgets and g != 'ui/main.c':
                print('layering: widget %s calls the screen file %s' % (w, g)); bad = 1
    if not bad:
        big = max((len(c) for c in circles), default=0)
        print('layering: ui widgets stand under the screens (%d widget files; largest circle: %d screens)'
              % (len(widgets), big))
    sys.exit(bad)
for f in files:
    print(f, '->', ' '.join(sorted(uses[f])))
for c in circles:
    print('circle (%d):' % len(c), ' '.join(c))
