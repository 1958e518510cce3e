-- wrk script for bench:comments: every request is a different reader (bearer
-- token) posting a new sentence to one of the 100 small stories.
local tokens, stories = {}, {}
local counter = 0
local dir = os.getenv("BENCH_DATA_DIR")
for line in io.lines(dir .. "/tokens.txt") do tokens[#tokens + 1] = line end
for line in io.lines(dir .. "/stories.txt") do stories[#stories + 1] = line end
local target = os.getenv("BENCH_POST_PATH")

request = function()
  counter = counter + 1
  local token = tokens[(counter % #tokens) + 1]
  local path = target or ("/api/stories/" .. stories[(counter % #stories) + 1] .. "/comments")
  local body = '{"body":"Benchmark comment number ' .. counter .. ' makes a complete and civil point about the story."}'
  return wrk.format("POST", path, { ["content-type"] = "application/json", ["authorization"] = "Bearer " .. token }, body)
end
