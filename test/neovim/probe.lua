-- Runs after the README configuration opened the draft: waits for the server to attach, index and publish
-- diagnostics, then writes what Neovim saw to $SOURCED_NVIM_RESULT and quits. Asserts nothing itself.
local result = { version = tostring(vim.version().major) .. '.' .. vim.version().minor .. '.' .. vim.version().patch,
  filetype = vim.bo.filetype, attached = {}, diagnostics = {}, status = vim.NIL, timings = {} }
local started = vim.loop.hrtime()
local function ms() return math.floor((vim.loop.hrtime() - started) / 1e6) end
local timeout = tonumber(os.getenv('SOURCED_NVIM_TIMEOUT_MS') or '60000')

vim.wait(timeout, function() return next(vim.lsp.buf_get_clients(0)) ~= nil end, 50)
result.timings.attached = ms()
for _, c in pairs(vim.lsp.buf_get_clients(0)) do
  table.insert(result.attached, { name = c.name, root = c.config.root_dir or vim.NIL, initialized = c.initialized or false })
end

-- The index is ready when sourced/status says so.
vim.wait(timeout, function()
  local answers = vim.lsp.buf_request_sync(0, 'sourced/status', {}, 2000) or {}
  for _, a in pairs(answers) do
    if a.result and a.result.ready then result.status = a.result return true end
  end
  return false
end, 200)
result.timings.ready = ms()

vim.wait(timeout, function()
  for _, d in ipairs(vim.diagnostic.get(0)) do if d.code == 'unsourced-claim' then return true end end
  return false
end, 100)
result.timings.diagnostics = ms()
for _, d in ipairs(vim.diagnostic.get(0)) do
  table.insert(result.diagnostics, { line = d.lnum + 1, code = d.code or vim.NIL, source = d.source or vim.NIL, message = d.message })
end

vim.fn.writefile({ vim.fn.json_encode(result) }, os.getenv('SOURCED_NVIM_RESULT'))
vim.cmd('qa!')
