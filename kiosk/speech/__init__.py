"""Speech for visitors who cannot read the screen: what each panel says, rendered ahead of time.

No Qt and no vlc here: the script of a panel, the offline synthesiser (espeak-ng) and the
cache of rendered files are plain Python, so staff render and check speech on any machine,
and the kiosk only plays files.
"""
