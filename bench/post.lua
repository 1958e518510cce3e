-- wrk script for bench:comments: every request is a different reader (bearer
-- token) posting a new sentence to one of the 100 small stories. BENCH_TOKENS
-- names the token file; BENCH_POST_PATH (a fixed path) or BENCH_POST_PREFIX
-- (followed by the story) send it to a baseline route instead.
local tokens, stories = {}, {}
local counter = 0
local dir = os.getenv("BENCH_DATA_DIR")
for line in io.lines(dir .. "/" .. (os.getenv("BENCH_TOKENS") or "tokens.txt")) do tokens[#tokens + 1] = line end
for line in io.lines(dir .. "/stories.txt") do stories[#stories + 1] = line end
local target = os.getenv("BENCH_POST_PATH")
local prefix = os.getenv("BENCH_POST_PREFIX")

request = function()
  counter = counter + 1
  local token = tokens[(counter % #tokens) + 1]
  local story = stories[(counter % #stories) + 1]
  local path = target or ((prefix or "/api/stories/") .. story .. (prefix and "" or "/comments"))
  local body = '{"body":"Benchmark comment number ' .. counter .. ' makes a complete and civil point about the story."}'
  return wrk.format("POST", path, { ["content-type"] = "application/json", ["authorization"] = "Bearer " .. token }, body)
end
