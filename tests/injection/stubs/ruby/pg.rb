# Test double: records the connection string given to PG.connect.
module PG
  RECORDS = []

  class Result
    def getvalue(_row, _column) = 'now'
  end

  class Connection
    def exec(_sql) = Result.new
    def close; end
  end

  def self.connect(url)
    RECORDS << url
    Connection.new
  end
end
