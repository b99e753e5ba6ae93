"""The benchmark (`make bench`). Its in-process references run under the settings a served
worker starts with (OMP_WAIT_POLICY above all), so that served and in-process compare."""

from medbento.serving.process_setup import prepare

prepare()
