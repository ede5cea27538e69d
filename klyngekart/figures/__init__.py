"""Plotly figures. Each function takes prepared data and the language and returns a figure."""
