"""The yardstick: a bare Streamlit page with one Plotly chart, measured in the same run as ours."""

import plotly.express as px
import streamlit as st

st.title("Bare page")
st.plotly_chart(px.bar(x=["a", "b", "c"], y=[1, 3, 2]))
