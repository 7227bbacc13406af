-- wrk script for `npm run bench`: the same refresh POST again and again (for the bare node:http floor).
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.body = "refreshToken=" .. string.rep("a", 256)
