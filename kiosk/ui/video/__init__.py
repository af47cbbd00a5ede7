"""The Qt side of video: the frame mailbox, the VideoFrame item, the ExcerptPlayer view model."""
