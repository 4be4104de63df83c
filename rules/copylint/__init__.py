"""Family C: copylint's own inline switches (a code no rule has, a switch that silences nothing)."""
