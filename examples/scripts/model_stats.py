#!/usr/bin/env python3
"""Grouped statistics over the graph's models, from the API into CSV (and a pandas DataFrame).

Asks Query.modelStats page after page and writes one CSV row per group: its key (one column per
dimension), its count, and the count, median and max of parameters, training compute and training
cost. Standard library only (urllib, json, csv); with pandas installed, `--dataframe` prints the
groups as a DataFrame instead, and `to_dataframe(rows)` gives one in a notebook.

    python3 examples/scripts/model_stats.py --group-by COUNTRY,YEAR \
        --filter '{"releasedYear": 2023, "listedBy": "ecosystem-graphs-2025-01-24"}' > stats.csv

In a notebook:

    from model_stats import fetch_groups, to_dataframe
    df = to_dataframe(fetch_groups("http://127.0.0.1:4000/graphql", ["COUNTRY"], {"releasedYear": 2023}))

KG_URL (default http://127.0.0.1:4000/graphql) names the API. A model with several developers or
countries counts once in each of their groups (docs/statistics.md).
"""
import argparse
import csv
import json
import os
import sys
import urllib.error
import urllib.request

QUERY = """query Stats($groupBy: [ModelDimension!]!, $filter: ModelFilter, $orderBy: ModelGroupOrder, $after: String) {
  modelStats(groupBy: $groupBy, filter: $filter, orderBy: $orderBy, first: 100, after: $after) {
    pageInfo { hasNextPage endCursor }
    nodes {
      key { country { code } organization { slug } year kind domain accessibility source { slug } }
      count
      parameters { count median max }
      trainingCompute { count median max }
      trainingCost { count median max }
    }
  }
}"""

KEY_COLUMNS = {
    "COUNTRY": ("country", lambda k: (k["country"] or {}).get("code")),
    "ORGANIZATION": ("organization", lambda k: (k["organization"] or {}).get("slug")),
    "PARENT_ORGANIZATION": ("parent_organization", lambda k: (k["organization"] or {}).get("slug")),
    "YEAR": ("year", lambda k: k["year"]),
    "KIND": ("kind", lambda k: k["kind"]),
    "DOMAIN": ("domain", lambda k: k["domain"]),
    "ACCESSIBILITY": ("accessibility", lambda k: k["accessibility"]),
    "SOURCE": ("source", lambda k: (k["source"] or {}).get("slug")),
}
MEASURES = [("parameters", "parameters"), ("trainingCompute", "training_compute"), ("trainingCost", "training_cost")]


class ApiError(Exception):
    """The API answered with errors (their messages), or could not be reached."""


def post(url, query, variables):
    body = json.dumps({"query": query, "variables": variables}).encode("utf-8")
    request = urllib.request.Request(url, data=body, headers={"content-type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            answer = json.load(response)
    except urllib.error.HTTPError as error:
        # The API answers a bad request with a JSON body that says why.
        answer = json.load(error)
    except urllib.error.URLError as error:
        raise ApiError(f"cannot reach {url}: {error.reason}") from error
    if answer.get("errors"):
        raise ApiError("; ".join(e["message"] for e in answer["errors"]))
    return answer["data"]


def fetch_groups(url, group_by, model_filter=None, order="COUNT_DESC"):
    """Every group of modelStats as a dict per row (key columns, count, measures), page after page."""
    rows, after = [], None
    while True:
        data = post(url, QUERY, {"groupBy": group_by, "filter": model_filter, "orderBy": order, "after": after})
        page = data["modelStats"]
        for group in page["nodes"]:
            row = {KEY_COLUMNS[d][0]: KEY_COLUMNS[d][1](group["key"]) for d in group_by}
            row["count"] = group["count"]
            for field, name in MEASURES:
                for stat in ("count", "median", "max"):
                    row[f"{name}_{stat}"] = group[field][stat]
            rows.append(row)
        if not page["pageInfo"]["hasNextPage"]:
            return rows
        after = page["pageInfo"]["endCursor"]


def columns(group_by):
    return [KEY_COLUMNS[d][0] for d in group_by] + ["count"] + [f"{n}_{s}" for _, n in MEASURES for s in ("count", "median", "max")]


def write_csv(rows, group_by, out):
    writer = csv.DictWriter(out, fieldnames=columns(group_by), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)


def to_dataframe(rows):
    """The rows as a pandas DataFrame (pandas must be installed)."""
    import pandas  # noqa: PLC0415 (optional: only this function needs it)

    return pandas.DataFrame(rows)


def main(argv=None):
    parser = argparse.ArgumentParser(description="Grouped statistics over models (modelStats) as CSV.")
    parser.add_argument("--group-by", required=True, help="dimensions, comma-separated: COUNTRY, ORGANIZATION, PARENT_ORGANIZATION, YEAR, KIND, DOMAIN, ACCESSIBILITY, SOURCE")
    parser.add_argument("--filter", default=None, help="a ModelFilter as JSON, e.g. '{\"releasedYear\": 2023}'")
    parser.add_argument("--order", default="COUNT_DESC", choices=["COUNT_DESC", "KEY"])
    parser.add_argument("--dataframe", action="store_true", help="print a pandas DataFrame instead of CSV (needs pandas)")
    args = parser.parse_args(argv)
    group_by = [d.strip().upper() for d in args.group_by.split(",") if d.strip()]
    unknown = [d for d in group_by if d not in KEY_COLUMNS]
    if unknown:
        parser.error(f"unknown dimension {unknown[0]}; one of {', '.join(KEY_COLUMNS)}")
    try:
        model_filter = json.loads(args.filter) if args.filter else None
    except json.JSONDecodeError as error:
        parser.error(f"--filter is not JSON: {error}")
    url = os.environ.get("KG_URL", "http://127.0.0.1:4000/graphql")
    try:
        rows = fetch_groups(url, group_by, model_filter, args.order)
    except ApiError as error:
        print(f"model_stats.py: {error}", file=sys.stderr)
        return 1
    if args.dataframe:
        try:
            print(to_dataframe(rows).to_string(index=False))
        except ImportError:
            print("model_stats.py: --dataframe needs pandas (pip install pandas); without it, read the CSV", file=sys.stderr)
            return 1
    else:
        write_csv(rows, group_by, sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main())
