"""A Kiosk QML component alone in a real Qt Quick scene, for the staff tools' screens."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QUrl
from PySide6.QtQuick import QQuickItem, QQuickView

from kiosk import paths

OpenComponent = Callable[..., tuple[QQuickView, QQuickItem]]


@pytest.fixture
def component(qtbot: Any) -> Iterator[OpenComponent]:
    """``component(name, properties, size=(1280, 720))`` shows Kiosk/NAME.qml with those initial
    properties. At the end the scenes go first, then the objects they were given."""
    from kiosk.ui.registry import register_qml_types

    register_qml_types()  # the components name the kiosk's types (Theme.qml names Access): not left to test order
    views: list[QQuickView] = []
    keep: list[Any] = []

    def open_component(
        name: str, properties: dict[str, Any], size: tuple[int, int] = (1280, 720)
    ) -> tuple[QQuickView, QQuickItem]:
        view = QQuickView()
        views.append(view)
        keep.extend(properties.values())
        view.engine().addImportPath(str(paths.qml_import_dir()))
        view.setInitialProperties(properties)
        view.setResizeMode(QQuickView.ResizeMode.SizeRootObjectToView)
        view.resize(*size)
        view.setSource(QUrl.fromLocalFile(str(paths.qml_import_dir() / "Kiosk" / f"{name}.qml")))
        assert view.status() == QQuickView.Status.Ready, view.errors()
        view.show()
        qtbot.waitExposed(view)
        root = view.rootObject()
        assert root is not None
        return view, root

    yield open_component
    for view in views:
        view.close()
        view.setSource(QUrl())
        view.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    keep.clear()
