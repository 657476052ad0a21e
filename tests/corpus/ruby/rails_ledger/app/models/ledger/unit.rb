module Ledger
  class Unit < Base
    PATH = "units"  # fortnox: resource-property /3/units settings
  end

  class Label < Base
    PATH = "labels".freeze  # fortnox: resource-property /3/labels settings
  end
end
