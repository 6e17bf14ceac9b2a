import json, pandas as pd
schema = json.load(open("recommendation.schema.json"))
dtypes = {f["name"]: {"string": "string", "integer": "Int64"}[f["type"]] for f in schema["fields"]}
df = pd.read_csv("recommendation.csv", dtype=dtypes, keep_default_na=False, na_values=[""])
print(df[df.doc.str.contains("elmley")].sort_values("ref_key")[["ref", "ref_key", "status"]].iloc[8:11].to_string(index=False))
