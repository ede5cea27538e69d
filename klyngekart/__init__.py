"""Klyngekart: a public window on Norway's cluster, business-network and restructuring programmes."""
