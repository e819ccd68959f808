import sqlite3, time, os, statistics
for mode in ("NORMAL","FULL"):
    p="/work/sync-%s.db"%mode
    for s in ("","-wal","-shm"):
        try: os.unlink(p+s)
        except: pass
    c=sqlite3.connect(p, isolation_level=None)
    c.execute("PRAGMA journal_mode=WAL"); c.execute("PRAGMA synchronous=%s"%mode)
    c.execute("CREATE TABLE t(id INTEGER PRIMARY KEY, a TEXT, b TEXT)")
    for i in range(1000): c.execute("INSERT INTO t(a,b) VALUES(?,?)",("x"*50,"y"*200))
    ts=[]
    for i in range(400):
        t=time.perf_counter()
        c.execute("BEGIN IMMEDIATE"); c.execute("UPDATE t SET a=? WHERE id=?",("z%d"%i,i+1)); c.execute("INSERT INTO t(a,b) VALUES('audit','x')"); c.execute("COMMIT")
        ts.append((time.perf_counter()-t)*1000)
    ts.sort()
    print(mode,"median %.3f ms p99 %.3f ms"%(statistics.median(ts),ts[int(len(ts)*0.99)]))
    c.close()
