# Connects with Ruby pg and ActiveRecord, each given the core's output the way
# its snippet gives it. Reads a JSON array of cases from ARGV[0], prints one
# JSON result per line.
require 'erb'
require 'json'
require 'yaml'
require 'pg'
require 'active_record'

PROBE = 'SELECT current_user, current_database(), pg_backend_pid(), s.ssl, s.client_dn ' \
        'FROM pg_stat_ssl s WHERE s.pid = pg_backend_pid()'.freeze

def row_to_hash(values)
  user, database, pid, ssl, client_dn = values
  { user: user, database: database, pid: pid.to_i, ssl: [true, 't'].include?(ssl), clientDn: client_dn }
end

def ruby_pg(_case)
  conn = PG.connect(ENV['DATABASE_URL']) # as the snippet
  row_to_hash(conn.exec(PROBE).values.first)
ensure
  conn&.close
end

# database.yml is read as Rails reads it: ERB first, then YAML with aliases.
def activerecord(kase)
  config = YAML.safe_load(ERB.new(kase['snippet']).result, aliases: true)['development']
  # activerecord-cockroachdb-adapter is not packaged in Debian; it subclasses
  # the postgresql adapter. The URL's scheme picks the adapter, so both the
  # scheme and the adapter key are switched to postgresql; the rest is the output's.
  raise "expected adapter cockroachdb, got #{config['adapter']}" unless config['adapter'] == 'cockroachdb'
  raise "expected a cockroachdb:// URL" unless config['url'].start_with?('cockroachdb://')
  config = config.merge('adapter' => 'postgresql', 'url' => config['url'].sub('cockroachdb://', 'postgresql://'))
  ActiveRecord::Base.establish_connection(config)
  row_to_hash(ActiveRecord::Base.connection.select_rows(PROBE).first)
ensure
  ActiveRecord::Base.remove_connection
end

DRIVERS = { 'ruby-pg' => method(:ruby_pg), 'activerecord' => method(:activerecord) }.freeze

# The variables a case sets: the output's env, or (setup-step cases) what Ruby
# dotenv reads from the .env file the step wrote; for the bash step, nothing,
# as bash already set them before starting this process.
def env_of(kase)
  return kase['env'] unless kase['dotenv']

  require 'dotenv'
  Dotenv::Parser.call(File.read(kase['dotenv'], encoding: 'utf-8')).map { |name, value| { 'name' => name, 'value' => value } }
end

JSON.parse(File.read(ARGV[0], encoding: 'utf-8')).each do |kase|
  env = env_of(kase)
  saved = env.to_h { |e| [e['name'], ENV[e['name']]] }
  env.each { |e| ENV[e['name']] = e['value'] }
  seen = (kase['reportEnv'] || []).to_h { |name| [name, ENV[name]] }
  line = begin
    { id: kase['id'], ok: true }.merge(DRIVERS.fetch(kase['driver']).call(kase))
  rescue StandardError => e
    { id: kase['id'], ok: false, error: "#{e.class}: #{e.message}" }
  ensure
    saved.each { |k, v| ENV[k] = v }
  end
  line[:envSeen] = seen if kase['reportEnv']
  puts JSON.generate(line)
  $stdout.flush
end
