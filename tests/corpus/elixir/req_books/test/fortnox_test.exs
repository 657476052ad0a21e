defmodule Books.FortnoxTest do
  use ExUnit.Case

  test "url" do
    assert "https://api.fortnox.se/3/invoices" =~ "invoices"  # fortnox: none test
  end
end
