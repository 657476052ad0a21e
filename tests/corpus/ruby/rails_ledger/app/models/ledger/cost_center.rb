module Ledger
  class CostCenter < Base
    PATH = "costcenters"  # fortnox: resource-property /3/costcenters costcenter
  end
end
