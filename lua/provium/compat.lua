-- provium.compat: Lua 5.1 names that scripts written for the original
-- Provium use, mapped to their Lua 5.4 equivalents (docs/migrating.md).
local M = {}

function M.install(env)
  env.unpack = env.unpack or table.unpack
  env.loadstring = env.loadstring or load
  table.getn = table.getn or function(t) return #t end
  table.maxn = table.maxn or function(t)
    local n = 0
    for k in pairs(t) do
      if math.type(k) and k > n then n = k end
    end
    return n
  end
  table.foreach = table.foreach or function(t, f)
    for k, v in pairs(t) do
      local r = f(k, v)
      if r ~= nil then return r end
    end
  end
  table.foreachi = table.foreachi or function(t, f)
    for i = 1, #t do
      local r = f(i, t[i])
      if r ~= nil then return r end
    end
  end
  math.pow = math.pow or function(x, y) return x ^ y end
  math.mod = math.mod or math.fmod
  math.log10 = math.log10 or function(x) return math.log(x, 10) end
  math.ldexp = math.ldexp or function(m, e) return m * 2.0 ^ e end
  math.frexp = math.frexp or function(x)
    if x == 0 or x ~= x or x == math.huge or x == -math.huge then return x, 0 end
    local e = math.floor(math.log(math.abs(x), 2)) + 1
    local m = x / 2.0 ^ e
    -- rounding in log() can leave m just outside [0.5, 1)
    if math.abs(m) >= 1 then m, e = m / 2, e + 1 elseif math.abs(m) < 0.5 then m, e = m * 2, e - 1 end
    return m, e
  end
  math.cosh = math.cosh or function(x) return (math.exp(x) + math.exp(-x)) / 2 end
  math.sinh = math.sinh or function(x) return (math.exp(x) - math.exp(-x)) / 2 end
  math.tanh = math.tanh or function(x) return math.sinh(x) / math.cosh(x) end
  string.gfind = string.gfind or string.gmatch
end

return M
