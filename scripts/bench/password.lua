-- wrk script for `npm run bench`: the same password grant again and again (the cheap responder answers
-- each with a fresh pair). wrk checks nothing; the Node engine checks every answer.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.headers["Accept"] = "application/json"
wrk.body = "grantType=password&clientId=" .. (os.getenv("TOKEN_SUITE_CLIENT_ID") or "57f986e1-4588-4512-90ea-d264904df7b2")
  .. "&username=" .. (os.getenv("TOKEN_SUITE_USERNAME") or "crm@fidilio.com"):gsub("@", "%%40")
  .. "&password=" .. (os.getenv("TOKEN_SUITE_PASSWORD") or "12312312")
