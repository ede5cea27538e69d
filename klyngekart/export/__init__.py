"""Files for download: the whole dataset now; chart images and chart data as pages arrive."""
