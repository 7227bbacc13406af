-- wrk script for `npm run bench`: endless refresh chains, the same work as the Node engine's bench run.
-- Each answer's refresh token goes into the thread's pool; a request refreshes one from the pool, or,
-- when the pool is empty (at the start, or after an error), makes a password grant.
local pool = {}
local grant = "grantType=password&clientId=" .. (os.getenv("TOKEN_SUITE_CLIENT_ID") or "57f986e1-4588-4512-90ea-d264904df7b2")
  .. "&username=" .. (os.getenv("TOKEN_SUITE_USERNAME") or "crm@fidilio.com"):gsub("@", "%%40")
  .. "&password=" .. (os.getenv("TOKEN_SUITE_PASSWORD") or "12312312")
local headers = { ["Content-Type"] = "application/x-www-form-urlencoded" }

request = function()
  local token = table.remove(pool)
  if token then return wrk.format("POST", "/v1/refresh/token", headers, "refreshToken=" .. token) end
  return wrk.format("POST", "/v1/token", headers, grant)
end

response = function(status, _, body)
  if status == 200 then
    local token = body:match('"refreshToken":"([^"]+)"')
    if token then table.insert(pool, token) end
  end
end
