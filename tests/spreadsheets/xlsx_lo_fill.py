"""Fill a workbook inside LibreOffice itself (UNO) and save it as .xlsx: a participant using LibreOffice.

Run with the system python that has `uno`:  python3 xlsx_lo_fill.py JOB.json
JOB: {"source": path, "target": path, "sheet": name, "cells": {"C6": "3 – meestal", ...}, "profile": dir}
"""

from __future__ import annotations

import json
import subprocess
import sys
import time

import uno  # type: ignore[import-not-found]
from com.sun.star.beans import PropertyValue  # type: ignore[import-not-found]


def prop(name: str, value: object) -> PropertyValue:
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


def main(job_file: str) -> None:
    job = json.loads(open(job_file, encoding="utf-8").read())
    pipe = f"draaiboek{int(time.time() * 1000)}"
    office = subprocess.Popen(["soffice", f"-env:UserInstallation=file://{job['profile']}", "--headless",
                               "--norestore", "--nologo", f"--accept=pipe,name={pipe};urp;"])
    try:
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
        for _ in range(120):
            try:
                ctx = resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
                break
            except Exception:  # noqa: BLE001 - office still starting
                time.sleep(0.5)
        else:
            raise SystemExit("LibreOffice did not start")
        desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(job["source"]), "_blank", 0, (prop("Hidden", True),))
        sheet = doc.Sheets.getByName(job["sheet"])
        for address, value in job["cells"].items():
            cell = sheet.getCellRangeByName(address)
            if isinstance(value, (int, float)):
                cell.setValue(value)
            else:
                cell.setString(value)
        doc.calculateAll()
        doc.storeToURL(uno.systemPathToFileUrl(job["target"]), (prop("FilterName", "Calc MS Excel 2007 XML"),))
        doc.close(True)
        try:
            desktop.terminate()
        except Exception:  # noqa: BLE001 - the bridge closes as office exits
            pass
    finally:
        try:
            office.wait(timeout=30)
        except subprocess.TimeoutExpired:
            office.kill()


if __name__ == "__main__":
    main(sys.argv[1])
