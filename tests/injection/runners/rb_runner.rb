# Runs every Ruby snippet of the injection suite in this one process with the
# test-double pg on the load path, and loads each database.yml the way Rails
# does (ERB, then YAML with aliases). Input: a JSON file of [{id, kind, file,
# env}]. Output in results.json: [{id, used, marker}].
require 'erb'
require 'json'
require 'yaml'
require 'pg'

items = JSON.parse(File.read(ARGV[0], encoding: 'UTF-8'))
marker = File.join(Dir.pwd, 'MARKER')
results = items.map do |item|
  warn "case #{item['id']}"
  saved = ENV.to_h
  item['env'].each { |name, value| ENV[name] = value }
  error = nil
  # A StandardError is a clean refusal (the harness accepts it only for outputs
  # the core marked not ok); `exit` raises SystemExit, which is not rescued.
  used =
    begin
      if item['kind'] == 'database.yml'
        config = YAML.load(ERB.new(File.read(item['file'], encoding: 'UTF-8')).result, aliases: true)
        %w[development production].map { |env| config[env]['url'] }
      else
        PG::RECORDS.clear
        load item['file'], true
        PG::RECORDS.dup
      end
    rescue StandardError => e
      error = "#{e.class}: #{e.message}"
      nil
    end
  ENV.replace(saved)
  { 'id' => item['id'], 'used' => used, 'error' => error, 'marker' => File.exist?(marker) }
end
File.write('results.json', JSON.generate(results))
