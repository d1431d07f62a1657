-- wrk script: POST one 03455 plan to /check on every request (README, "qualcheck serve", load).
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"units": ["F1", "F2", "A3", "B2", "C3", "D2"]}'
